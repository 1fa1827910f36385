package com.consultchat.web.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * The words the browser client shows (the keys starting {@code js.}), written into every page as a
 * JSON data block that {@code js/words.js} reads.
 */
@Named
@RequestScoped
public class ClientWords {

  @Inject Words words;
  @Inject PageText text;

  /** JSON with every {@code <} escaped, so no text can end the script element it sits in. */
  public String getJson() {
    JsonObjectBuilder json = Json.createObjectBuilder();
    words.all(text.locale()).entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(Words.CLIENT_PREFIX))
        .forEach(entry -> json.add(entry.getKey(), entry.getValue()));
    return json.build().toString().replace("<", "\\u003c");
  }
}

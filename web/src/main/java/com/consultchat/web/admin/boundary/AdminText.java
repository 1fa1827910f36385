package com.consultchat.web.admin.boundary;

import com.consultchat.web.platform.boundary.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Texts with their {@code {0}}, {@code {1}} filled in, for the attributes of the administrators'
 * pages (a confirmation's message, a label), where {@code h:outputFormat} cannot stand: {@code
 * #{adminText.format('key', x)}}.
 */
@Named
@RequestScoped
public class AdminText {

  @Inject PageText text;

  public String format(String key, Object first) {
    return text.format(key, first);
  }

  public String format2(String key, Object first, Object second) {
    return text.format(key, first, second);
  }
}

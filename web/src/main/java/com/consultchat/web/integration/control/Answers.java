package com.consultchat.web.integration.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers of the integration API: JSON with a strong ETag of exactly what is sent, so a client that
 * asks again with {@code If-None-Match} gets {@code 304} and no body when nothing changed.
 */
public final class Answers {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private Answers() {}

  public static Response tagged(Request request, Object representation) {
    String json = JSONB.toJson(representation);
    EntityTag tag = new EntityTag(digest(json));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.tag(tag).build();
    }
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
  }

  public static String json(Object representation) {
    return JSONB.toJson(representation);
  }

  private static String digest(String json) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

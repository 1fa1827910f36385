package com.consultchat.messaging.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Optional;

/** The one JSON binding of the socket protocol. Thread-safe; one instance serves every session. */
public final class FrameCodec {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private FrameCodec() {}

  /** The frame, or empty if the text is not a JSON object of the frame's shape. */
  public static Optional<ClientFrame> decode(String text) {
    try {
      String trimmed = text == null ? "" : text.strip();
      if (!trimmed.startsWith("{")) {
        return Optional.empty();
      }
      return Optional.ofNullable(JSONB.fromJson(trimmed, ClientFrame.class));
    } catch (JsonbException malformed) {
      return Optional.empty();
    }
  }

  public static String encode(ServerFrame frame) {
    return JSONB.toJson(frame);
  }
}

package com.consultchat.web.messaging.control;

import com.consultchat.web.messaging.boundary.Frame;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one JSON binding of the socket protocol. Thread-safe; one instance serves every session. */
public final class FrameCodec {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type FRAME_LIST =
      new ArrayList<ClientFrame>() {}.getClass().getGenericSuperclass();

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

  /** Messaging's own frames and those other features push alike. */
  public static String encode(Frame frame) {
    return JSONB.toJson(frame);
  }

  /** A JSON array of frames, as HTTP polling carries them; empty if it is not one. */
  public static Optional<List<ClientFrame>> decodeAll(String text) {
    try {
      String trimmed = text == null ? "" : text.strip();
      if (!trimmed.startsWith("[")) {
        return Optional.empty();
      }
      List<ClientFrame> frames = JSONB.fromJson(trimmed, FRAME_LIST);
      return frames.contains(null) ? Optional.empty() : Optional.of(frames);
    } catch (JsonbException malformed) {
      return Optional.empty();
    }
  }

  public static String encodeAll(List<ServerFrame> frames) {
    return frames.stream().map(FrameCodec::encode).collect(Collectors.joining(",", "[", "]"));
  }
}

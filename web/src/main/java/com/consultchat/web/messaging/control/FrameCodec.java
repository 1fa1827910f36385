package com.consultchat.web.messaging.control;

import com.consultchat.web.messaging.boundary.Frame;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one JSON binding of the socket protocol: client frames read strictly with JSON-P, server
 * frames written with JSON-B. Thread-safe; one instance serves every session.
 */
public final class FrameCodec {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /**
   * Made once: {@code Json.createReader} looks the provider up through the service loader on every
   * call, which on the message path meant class-path scans for every frame.
   */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private FrameCodec() {}

  /**
   * The frame, or empty if the text is not a JSON object of the frame's shape. Strict, so that what
   * a client means is never guessed: a field of the wrong JSON type (a number where text belongs, a
   * fraction where a whole number does) makes the frame malformed rather than converted.
   */
  public static Optional<ClientFrame> decode(String text) {
    try {
      String trimmed = text == null ? "" : text.strip();
      if (!trimmed.startsWith("{")) {
        return Optional.empty();
      }
      return frame(read(trimmed));
    } catch (JsonException malformed) {
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
      List<ClientFrame> frames = new ArrayList<>();
      for (JsonValue value : read(trimmed).asJsonArray()) {
        Optional<ClientFrame> frame = frame(value);
        if (frame.isEmpty()) {
          return Optional.empty();
        }
        frames.add(frame.get());
      }
      return Optional.of(frames);
    } catch (JsonException | ClassCastException malformed) {
      return Optional.empty();
    }
  }

  private static JsonValue read(String json) {
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static Optional<ClientFrame> frame(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return Optional.empty();
    }
    JsonObject object = value.asJsonObject();
    try {
      ClientFrame frame = new ClientFrame();
      frame.type = text(object, "type");
      frame.conversation = whole(object, "conversation");
      frame.clientId = text(object, "clientId");
      frame.body = text(object, "body");
      frame.kind = text(object, "kind");
      frame.after = whole(object, "after");
      frame.delivered = whole(object, "delivered");
      frame.read = whole(object, "read");
      frame.ref = whole(object, "ref");
      frame.state = text(object, "state");
      return Optional.of(frame);
    } catch (WrongType wrong) {
      return Optional.empty();
    }
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new WrongType();
  }

  private static Long whole(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.longValueExact();
      } catch (ArithmeticException tooLarge) {
        throw new WrongType();
      }
    }
    throw new WrongType();
  }

  /** A field whose JSON type is not the one the protocol gives it. */
  private static final class WrongType extends RuntimeException {
    WrongType() {
      super(null, null, false, false);
    }
  }

  public static String encodeAll(List<ServerFrame> frames) {
    return frames.stream().map(FrameCodec::encode).collect(Collectors.joining(",", "[", "]"));
  }
}

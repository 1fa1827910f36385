package com.consultchat.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads the few fields the harness needs from server frames and writes client frames, without a
 * JSON library on the hot path of the clients. Keys are unique within every frame the server sends;
 * the harness's own bodies contain no quotes or escapes.
 */
final class Frames {

  private Frames() {}

  static String type(String json) {
    return text(json, "type");
  }

  static String text(String json, String key) {
    int at = valueStart(json, key);
    if (at < 0 || json.charAt(at) != '"') {
      return null;
    }
    return json.substring(at + 1, json.indexOf('"', at + 1));
  }

  static long number(String json, String key) {
    int at = valueStart(json, key);
    if (at < 0) {
      return -1;
    }
    long value = 0;
    boolean negative = json.charAt(at) == '-';
    for (int i = negative ? at + 1 : at; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }

  static boolean flag(String json, String key) {
    int at = valueStart(json, key);
    return at >= 0 && json.startsWith("true", at);
  }

  static String send(long conversation, String clientId, String body) {
    return "{\"type\":\"send\",\"conversation\":"
        + conversation
        + ",\"clientId\":\""
        + clientId
        + "\",\"body\":\""
        + body
        + "\"}";
  }

  /**
   * Body of a benchmark message: send time (monotonic, comparable across JVMs), number, padding.
   */
  static String body(long sentNanos, int number) {
    return "b|" + sentNanos + "|" + number + "|consultation message of ordinary length, padding";
  }

  static long sentNanos(String body) {
    int first = body.indexOf('|');
    int second = body.indexOf('|', first + 1);
    return first < 0 || second < 0 ? -1 : Long.parseLong(body.substring(first + 1, second));
  }

  static int messageNumber(String body) {
    int second = body.indexOf('|', body.indexOf('|') + 1);
    int third = body.indexOf('|', second + 1);
    return second < 0 || third < 0 ? -1 : Integer.parseInt(body.substring(second + 1, third));
  }

  /** A random version-4 UUID without SecureRandom's lock. */
  static String clientId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(high, low).toString();
  }

  private static int valueStart(String json, String key) {
    int at = json.indexOf("\"" + key + "\":");
    return at < 0 ? -1 : at + key.length() + 3;
  }
}

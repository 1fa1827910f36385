package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages one person holds, by seq, merged as the browser merges them: a number that arrives
 * twice (live and by sync) counts once, and must carry the same text both times.
 */
final class Received {

  final Map<Long, String> bySeq = new TreeMap<>();

  void merge(JsonObject message) {
    String previous =
        bySeq.put(message.getJsonNumber("seq").longValue(), message.getString("body"));
    if (previous != null) {
      assertThat(message.getString("body")).isEqualTo(previous);
    }
  }

  int size() {
    return bySeq.size();
  }

  /** The highest seq held without a gap before it. */
  long contiguous() {
    long seq = 0;
    while (bySeq.containsKey(seq + 1)) {
      seq++;
    }
    return seq;
  }

  /** The messages a socket has received and nobody has taken from it yet. */
  void mergeWaiting(SocketClient socket) {
    socket.frames.stream()
        .filter(frame -> "message".equals(frame.getString("type")))
        .forEach(frame -> merge(frame.getJsonObject("message")));
  }

  /**
   * Live messages and the answers to sync on a registered (ready) socket, until every number up to
   * {@code count} is held: the socket gets everything from now on live, sync fills what came
   * before.
   */
  void catchUp(SocketClient socket, long conversation, int count) {
    mergeWaiting(socket);
    socket.sync(conversation, contiguous());
    while (contiguous() < count) {
      JsonObject frame = socket.nextAny();
      switch (frame.getString("type")) {
        case "message" -> merge(frame.getJsonObject("message"));
        case "history" -> {
          frame.getJsonArray("messages").getValuesAs(JsonObject.class).forEach(this::merge);
          if (!frame.getBoolean("complete")) {
            socket.sync(conversation, contiguous());
          }
        }
        default -> {}
      }
    }
  }
}

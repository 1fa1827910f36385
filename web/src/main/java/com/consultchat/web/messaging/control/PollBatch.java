package com.consultchat.web.messaging.control;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The answers of one poll, in the order of its frames, handed on once the last one is in. */
final class PollBatch {

  private final ServerFrame[] answers;
  private final AtomicInteger left;
  private final Consumer<List<ServerFrame>> answered;

  PollBatch(int size, Consumer<List<ServerFrame>> answered) {
    this.answers = new ServerFrame[size];
    this.left = new AtomicInteger(size);
    this.answered = answered;
  }

  void answer(int index, ServerFrame answer) {
    answers[index] = answer;
    if (left.decrementAndGet() == 0) {
      answered.accept(Arrays.stream(answers).filter(Objects::nonNull).toList());
    }
  }
}

package com.consultchat.consultation.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a new request is likely to wait, from how long recent ones waited: the median, so one
 * request left overnight does not make every patient expect a day, rounded to what a person would
 * say. Too few recent requests say nothing, and then nothing is promised.
 */
public final class WaitEstimate {

  /** Fewer recent waits than this are not an estimate. */
  public static final int FEWEST = 3;

  private WaitEstimate() {}

  public static Optional<Duration> of(List<Duration> waits) {
    if (waits.size() < FEWEST) {
      return Optional.empty();
    }
    List<Duration> sorted = waits.stream().sorted().toList();
    int middle = sorted.size() / 2;
    Duration median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    return Optional.of(rounded(median));
  }

  /** Up to a minute, whole minutes to an hour's quarter, quarters of an hour beyond. */
  static Duration rounded(Duration wait) {
    long minutes = (wait.getSeconds() + 59) / 60;
    if (minutes <= 1) {
      return Duration.ofMinutes(1);
    }
    if (minutes <= 15) {
      return Duration.ofMinutes(minutes);
    }
    return Duration.ofMinutes((minutes + 14) / 15 * 15);
  }
}

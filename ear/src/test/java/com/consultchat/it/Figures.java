package com.consultchat.it;

/** Prints a scenario's figures to the test output, one line each, for people to compare runs. */
final class Figures {

  private Figures() {}

  static void print(String scenario, String figure) {
    System.out.println("FAULT " + scenario + ": " + figure);
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format("%.1f %%", 100.0 * part / whole);
  }

  /** The scenario's own duration, from its first step to its figures. */
  static void took(String scenario, long startedNanos) {
    print(scenario, "scenario took " + (System.nanoTime() - startedNanos) / 1_000_000_000 + " s");
  }
}

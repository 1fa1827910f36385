package com.consultchat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an operator's command line for the fault suite and says what it printed if it failed. */
final class Commands {

  private Commands() {}

  /** The command's output; fails with that output unless it ends well within the limit. */
  static String run(Duration limit, String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // Small outputs only (cluster tools): read after exit would risk a full pipe, so read first.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " took longer than " + limit);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static boolean available(String program) {
    return List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
        .anyMatch(dir -> new java.io.File(dir, program).canExecute());
  }
}

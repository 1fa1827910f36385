package com.consultchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client or baseline JVM the harness started, and the one-line protocol it speaks. */
final class AgentProcess implements AutoCloseable {

  private static final String END = "\u0000end";

  private final Process process;
  private final Writer in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  final String name;

  private AgentProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
              lines.add(END);
            },
            name + "-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static AgentProcess start(
      String name, String jvmOptions, Path log, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions.split("\\s+")));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new AgentProcess(name, process);
  }

  long pid() {
    return process.pid();
  }

  /** Sends one command and returns its answer; fails on an error answer or after the timeout. */
  synchronized Reply call(String command, long timeoutSeconds) {
    try {
      in.write(command + "\n");
      in.flush();
      return Reply.parse(name, command, readLine(timeoutSeconds));
    } catch (IOException e) {
      throw new IllegalStateException(name + " failed on '" + command + "'", e);
    }
  }

  /** The next line the process prints, such as the baseline's start notice. */
  String readLine(long timeoutSeconds) {
    try {
      String text = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
      if (text == null) {
        throw new IllegalStateException(name + " gave no answer within " + timeoutSeconds + " s");
      }
      if (text.equals(END)) {
        throw new IllegalStateException(name + " ended unexpectedly; see its log");
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      in.write("quit\n");
      in.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

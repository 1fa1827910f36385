package com.consultchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's own WildFly (unpacked and configured by the bench module's build with the repo's
 * configure.cli), started at port offset 300 with its own database, and the EAR deployed through
 * the deployment scanner.
 */
final class WildFly implements AutoCloseable {

  static final int PORT_OFFSET = 300;
  static final int HTTP_PORT = 8080 + PORT_OFFSET;
  static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/consultchat_bench";
  static final String ADMIN_PASSWORD = "bench-operator-secret-42";

  private final Process shell;
  private final ProcessHandle java;

  private WildFly(Process shell, ProcessHandle java) {
    this.shell = shell;
    this.java = java;
  }

  static String applicationUrl() {
    return "http://127.0.0.1:" + HTTP_PORT + "/consultchat";
  }

  static String socketUrl() {
    return "ws://127.0.0.1:" + HTTP_PORT + "/consultchat/ws/chat";
  }

  static String origin() {
    return "http://127.0.0.1:" + HTTP_PORT;
  }

  /**
   * Applies extra CLI commands to this server's configuration before it starts (for trying a
   * setting without changing the repo's configure.cli); the next build starts from a fresh copy.
   */
  static void configure(Path home, Path commands, Path log)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("bench-", ".cli");
    Files.writeString(
        script,
        "embed-server --server-config=consultchat.xml --std-out=discard --stability=community\n"
            + Files.readString(commands)
            + "\nstop-embedded-server\n");
    Process cli =
        new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    if (!cli.waitFor(180, TimeUnit.SECONDS) || cli.exitValue() != 0) {
      cli.destroyForcibly();
      throw new IllegalStateException("Extra server configuration failed; see " + log);
    }
    Files.delete(script);
  }

  static WildFly start(Path home, Path ear, String jvmOptions, Path log) throws IOException {
    Path standalone = home.resolve("standalone");
    for (String dir : List.of("data", "tmp", "log")) {
      ChildProcesses.deleteTree(standalone.resolve(dir));
    }
    Path deployments = standalone.resolve("deployments");
    try (Stream<Path> old = Files.list(deployments)) {
      for (Path file :
          old.filter(p -> p.getFileName().toString().startsWith("consultchat")).toList()) {
        Files.delete(file);
      }
    }
    Files.copy(ear, deployments.resolve("consultchat.ear"), StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/standalone.sh").toString());
    command.addAll(
        List.of(
            "-c",
            "consultchat.xml",
            // The configuration uses the Prometheus registry, a community-stability feature.
            "--stability=community",
            "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
            "-Dconsultchat.db.url=" + DB_URL,
            "-Dconsultchat.db.user=postgres",
            "-Dconsultchat.db.password=postgres",
            "-Dconsultchat.admin.password=" + ADMIN_PASSWORD,
            "-Dconsultchat.allowed.origins=" + origin() + ",http://localhost:" + HTTP_PORT,
            // Clients log in once and then only use sockets, which are not activity: a run longer
            // than the automatic logoff would otherwise lose its people halfway.
            "-Dconsultchat.idle.logoff.minutes=1440",
            // Each client person sends far faster than a person types, by design of the load.
            "-Dconsultchat.rate.messages.per.minute=1000000",
            "-Dconsultchat.rate.frames.per.minute=10000000",
            // The login flood comes from one address: it measures the hashing, not the throttle.
            "-Dconsultchat.login.address.lockout.failures=1000000"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("CONSULTCHAT_"));
    env.put(
        "JAVA_OPTS",
        jvmOptions
            + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman"
            + " -Djava.awt.headless=true");
    Process shell = builder.start();
    try {
      ProcessHandle java = awaitJava(shell);
      WildFly server = new WildFly(shell, java);
      server.awaitDeployment(deployments);
      return server;
    } catch (RuntimeException e) {
      shell.descendants().forEach(ProcessHandle::destroyForcibly);
      shell.destroyForcibly();
      throw e;
    }
  }

  long pid() {
    return java.pid();
  }

  private static ProcessHandle awaitJava(Process shell) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && shell.isAlive()) {
      var java =
          shell
              .descendants()
              .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules"))
              .findFirst();
      if (java.isPresent()) {
        return java.get();
      }
      ChildProcesses.pause();
    }
    throw new IllegalStateException("WildFly's JVM did not start; see wildfly-console.log");
  }

  private void awaitDeployment(Path deployments) {
    // Ten minutes: on a machine busy with other builds, deploying took over five.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      if (Files.exists(deployments.resolve("consultchat.ear.deployed"))) {
        return;
      }
      if (Files.exists(deployments.resolve("consultchat.ear.failed"))) {
        throw new IllegalStateException(
            "ConsultChat failed to deploy: "
                + Probe.read(deployments.resolve("consultchat.ear.failed")));
      }
      if (!java.isAlive()) {
        throw new IllegalStateException("WildFly stopped during startup; see its log");
      }
      ChildProcesses.pause();
    }
    throw new IllegalStateException("ConsultChat was not deployed within 600 s");
  }

  /** Graceful stop (SIGTERM), forced after a minute. */
  @Override
  public void close() {
    java.destroy();
    java.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
    if (java.isAlive()) {
      java.destroyForcibly();
    }
    shell.destroy();
  }
}

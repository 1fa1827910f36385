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
 * the deployment scanner; or the nodes of a cluster on this machine, each with its own base
 * directory and port offset, sharing that database.
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
    return applicationUrl(PORT_OFFSET);
  }

  static String socketUrl() {
    return socketUrl(PORT_OFFSET);
  }

  static String origin() {
    return origin(PORT_OFFSET);
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
    return launch(
        home,
        home.resolve("standalone"),
        ear,
        jvmOptions,
        log,
        PORT_OFFSET,
        List.of("-c", "consultchat.xml", "-Dconsultchat.allowed.origins=" + origins(PORT_OFFSET)));
  }

  /**
   * A node of a two-node cluster (consultchat-ha.xml) on this machine: its own copy of the server's
   * base directory under {@code base}, its port offset, and the JGroups addresses of all the nodes,
   * whose origins every node allows.
   */
  static WildFly startNode(
      Path home,
      Path base,
      Path ear,
      String jvmOptions,
      Path log,
      String name,
      int offset,
      List<Integer> offsets)
      throws IOException {
    ChildProcesses.deleteTree(base);
    copyTree(home.resolve("standalone"), base);
    List<String> members = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (int each : offsets) {
      members.add("127.0.0.1[" + (7600 + each) + "]");
      origins.add(origins(each));
    }
    return launch(
        home,
        base,
        ear,
        jvmOptions,
        log,
        offset,
        List.of(
            "-c",
            "consultchat-ha.xml",
            "-Djboss.server.base.dir=" + base,
            "-Djboss.node.name=" + name,
            "-Dconsultchat.cluster.name=consultchat-bench",
            "-Dconsultchat.cluster.members=" + String.join(",", members),
            "-Dconsultchat.allowed.origins=" + String.join(",", origins)));
  }

  static String applicationUrl(int offset) {
    return "http://127.0.0.1:" + (8080 + offset) + "/consultchat";
  }

  static String socketUrl(int offset) {
    return "ws://127.0.0.1:" + (8080 + offset) + "/consultchat/ws/chat";
  }

  static String origin(int offset) {
    return "http://127.0.0.1:" + (8080 + offset);
  }

  private static String origins(int offset) {
    return origin(offset) + ",http://localhost:" + (8080 + offset);
  }

  private static WildFly launch(
      Path home,
      Path standalone,
      Path ear,
      String jvmOptions,
      Path log,
      int offset,
      List<String> serverArguments)
      throws IOException {
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
    command.addAll(serverArguments);
    command.addAll(
        List.of(
            // The configuration uses the Prometheus registry, a community-stability feature.
            "--stability=community",
            "-Djboss.socket.binding.port-offset=" + offset,
            "-Dconsultchat.db.url=" + DB_URL,
            "-Dconsultchat.db.user=postgres",
            "-Dconsultchat.db.password=postgres",
            "-Dconsultchat.admin.password=" + ADMIN_PASSWORD,
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

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
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

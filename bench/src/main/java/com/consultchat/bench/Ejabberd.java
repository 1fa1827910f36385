package com.consultchat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The peer server: Debian's ejabberd package, run as a node of the benchmark's own (never the
 * system's) from a configuration generated under {@code target/ejabberd}, with XMPP over WebSocket
 * on loopback, its accounts, rooms and message archive in database ejabberd_bench, and the HTTP API
 * at /api for the one command the harness needs. It runs in the foreground as a child of the
 * harness and is stopped with it.
 */
final class Ejabberd implements AutoCloseable {

  static final String DOMAIN = "localhost";
  static final String DATABASE = "ejabberd_bench";

  /** Where Debian's package puts its control script and the PostgreSQL schema it ships. */
  static final Path CONTROL = Path.of("/usr/sbin/ejabberdctl");

  static final Path SCHEMA = Path.of("/usr/share/ejabberd/sql/pg.new.sql");

  /** ejabberd's PostgreSQL driver is a package of its own, which ejabberd only suggests. */
  private static final Path ERLANG_LIBRARIES = Path.of("/usr/lib/erlang/lib");

  private static final String INSTALL = "apt-get install ejabberd erlang-p1-pgsql";

  /** The package's service account: ejabberdctl runs the node only as this user. */
  private static final String SERVICE_USER = "ejabberd";

  private static final String NODE = "ejabberd-bench@localhost";

  private final Process control;
  private final ProcessHandle beam;
  private final int port;

  private Ejabberd(Process control, ProcessHandle beam, int port) {
    this.control = control;
    this.beam = beam;
    this.port = port;
  }

  /** Fails at once, before anything is measured, where the package is missing. */
  static void requireInstalled() {
    if (!Files.isExecutable(CONTROL) || !Files.isReadable(SCHEMA)) {
      throw new IllegalStateException(
          "The peer scenario needs ejabberd from Debian's packages: " + INSTALL);
    }
    try (Stream<Path> libraries = Files.list(ERLANG_LIBRARIES)) {
      if (libraries.noneMatch(p -> p.getFileName().toString().startsWith("p1_pgsql-"))) {
        throw new IllegalStateException(
            "ejabberd has no PostgreSQL driver; install it with: " + INSTALL);
      }
    } catch (IOException e) {
      throw new IllegalStateException("No Erlang installation; " + INSTALL, e);
    }
  }

  static String version() {
    try {
      Process query =
          new ProcessBuilder("dpkg-query", "--show", "--showformat=${Version}", "ejabberd")
              .redirectErrorStream(true)
              .start();
      String text = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return query.waitFor(30, TimeUnit.SECONDS) && query.exitValue() == 0
          ? text.strip()
          : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * Writes a fresh configuration under {@code work}, with rooms of up to {@code occupants}, starts
   * the node, and returns once its WebSocket listener answers. The database must already hold the
   * schema and the accounts.
   */
  static Ejabberd start(Path work, int port, int occupants, Path log) throws IOException {
    requireInstalled();
    requireFree(port);
    // Absolute: ejabberdctl may change into the spool directory before it starts the node.
    Path home = work.toAbsolutePath();
    ChildProcesses.deleteTree(home);
    Path config = Files.createDirectories(home.resolve("config"));
    Path spool = Files.createDirectories(home.resolve("spool"));
    Path logs = Files.createDirectories(home.resolve("logs"));
    Map<String, String> values =
        Map.of(
            "@DOMAIN@", DOMAIN,
            "@PORT@", Integer.toString(port),
            "@DATABASE@", DATABASE,
            "@NODE@", NODE,
            "@OCCUPANTS@", Integer.toString(occupants));
    for (String file : new String[] {"ejabberd.yml", "ejabberdctl.cfg", "inetrc"}) {
      Files.writeString(config.resolve(file), template(file, values));
    }
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // Started by root, ejabberdctl would switch to the service user through su, whose login
      // session drops the open-file limit to 1,024, fewer than the sockets. setpriv switches
      // without a session, so the node keeps this process's limit, as WildFly does.
      UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
      for (Path dir : new Path[] {spool, logs}) {
        Files.setOwner(dir, users.lookupPrincipalByName(SERVICE_USER));
      }
      command.addAll(
          List.of(
              "setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--init-groups"));
    }
    command.addAll(
        List.of(
            CONTROL.toString(),
            "--config-dir",
            config.toString(),
            "--spool",
            spool.toString(),
            "--logs",
            logs.toString(),
            "foreground"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    // The Erlang VM keeps its distribution cookie in $HOME: the node's own spool, not root's home.
    builder.environment().put("HOME", spool.toString());
    Process control = builder.start();
    try {
      Ejabberd server = new Ejabberd(control, awaitBeam(control, log), port);
      server.awaitListener(logs);
      return server;
    } catch (RuntimeException e) {
      control.descendants().forEach(ProcessHandle::destroyForcibly);
      control.destroyForcibly();
      throw e;
    }
  }

  /** The Erlang VM that runs the node: the process whose CPU is measured. */
  long pid() {
    return beam.pid();
  }

  String socketUrl() {
    return "ws://127.0.0.1:" + port + "/ws";
  }

  /**
   * Creates a persistent room with the configuration's default room options (mod_muc_admin's
   * create_room), so that it exists before the step and no joiner has to create it.
   */
  void createRoom(String name) {
    String json =
        "{\"name\":\""
            + name
            + "\",\"service\":\""
            + XmppRoomSocket.service(DOMAIN)
            + "\",\"host\":\""
            + DOMAIN
            + "\"}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/create_room"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response =
          http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      // The command answers 0 when it has created the room.
      if (response.statusCode() != 200 || !response.body().strip().equals("0")) {
        throw new IllegalStateException(
            "ejabberd did not create room "
                + name
                + ": HTTP "
                + response.statusCode()
                + " "
                + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("ejabberd did not answer create_room", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Graceful stop (the VM stops the node on SIGTERM), forced after half a minute. */
  @Override
  public void close() {
    beam.destroy();
    beam.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
    if (beam.isAlive()) {
      beam.destroyForcibly();
    }
    control.descendants().forEach(ProcessHandle::destroy);
    control.destroy();
  }

  private static void requireFree(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " is taken; is the system's ejabberd running (service ejabberd stop)? Or choose"
              + " another with --peer.port",
          e);
    }
  }

  private static HttpClient http() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static String template(String name, Map<String, String> values) throws IOException {
    try (InputStream in = Ejabberd.class.getResourceAsStream("/ejabberd/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource ejabberd/" + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace(value.getKey(), value.getValue());
      }
      return text;
    }
  }

  /**
   * ejabberdctl runs the VM through erl's own scripts: it is a descendant, not a child. It is told
   * by the node name, since ejabberdctl also runs a short-lived VM of its own to parse an address.
   */
  private static ProcessHandle awaitBeam(Process control, Path log) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && control.isAlive()) {
      var beam =
          control
              .descendants()
              .filter(p -> p.info().command().orElse("").endsWith("beam.smp"))
              .filter(p -> p.info().commandLine().orElse("").contains(NODE))
              .findFirst();
      if (beam.isPresent()) {
        return beam.get();
      }
      ChildProcesses.pause();
    }
    throw new IllegalStateException(
        "ejabberd's Erlang VM did not start; see " + log + ": " + Probe.read(log).strip());
  }

  /** Its WebSocket path answers HTTP once the node has started, SQL pool included. */
  private void awaitListener(Path logs) {
    HttpClient http = http();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ws"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!beam.isAlive()) {
        throw new IllegalStateException("ejabberd stopped during startup; see " + logs);
      }
      try {
        http.send(request, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        ChildProcesses.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("ejabberd did not answer within 120 s; see " + logs);
  }
}

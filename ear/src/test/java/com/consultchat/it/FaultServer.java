package com.consultchat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * A WildFly of the fault suite's own, started from the unpacked server with a base directory of its
 * own and pointed at the fault cluster, so a test may kill, restart and reload it at will. The
 * cluster test starts two of them as nodes ({@link #clusterNode}) and one as the load balancer in
 * front of them ({@link #balancer}).
 */
final class FaultServer {

  static final Path HOME = Path.of(System.getProperty("fault.wildfly.home", "target/wildfly"));
  static final String CONFIG = System.getProperty("fault.wildfly.config", "consultchat.xml");
  static final Path BASE = Path.of(System.getProperty("fault.base.dir", "target/wildfly-faults"));
  static final Path EAR = Path.of(System.getProperty("fault.ear", "target/consultchat.ear"));
  static final int PORT_OFFSET = Integer.parseInt(System.getProperty("fault.port.offset", "200"));
  static final int HTTP_PORT = Integer.parseInt(System.getProperty("fault.http.port", "8280"));
  static final int MANAGEMENT_PORT =
      Integer.parseInt(System.getProperty("fault.management.port", "10190"));
  static final String BASE_URL = "http://localhost:" + HTTP_PORT + "/consultchat";
  static final String ORIGIN = "http://localhost:" + HTTP_PORT;
  static final String DEPLOYMENT = "consultchat.ear";
  private static final Duration START_LIMIT = Duration.ofSeconds(180);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(120);

  private final String config;
  private final Path base;
  private final int portOffset;
  private final int managementPort;
  private final String baseUrl;
  private final List<String> origins;
  private final Map<String, String> ownProperties;
  private final boolean balancer;

  /** The fault suite's server. */
  FaultServer() {
    this(
        CONFIG, BASE, PORT_OFFSET, HTTP_PORT, MANAGEMENT_PORT, List.of(HTTP_PORT), Map.of(), false);
  }

  private FaultServer(
      String config,
      Path base,
      int portOffset,
      int httpPort,
      int managementPort,
      List<Integer> allowedPorts,
      Map<String, String> ownProperties,
      boolean balancer) {
    this.balancer = balancer;
    this.config = config;
    this.base = base;
    this.portOffset = portOffset;
    this.managementPort = managementPort;
    this.baseUrl = "http://localhost:" + httpPort + "/consultchat";
    this.origins =
        allowedPorts.stream()
            .flatMap(port -> Stream.of("http://localhost:" + port, "http://127.0.0.1:" + port))
            .toList();
    this.ownProperties = ownProperties;
  }

  /**
   * A node of a cluster (consultchat-ha.xml) on the fault cluster's database, at the given port
   * offset, that joins the nodes at the others' offsets and registers with the balancer at {@code
   * balancerOffset}; pages of any of them, or of the balancer, may open its sockets.
   */
  static FaultServer clusterNode(
      String name, int portOffset, List<Integer> offsets, int balancerOffset) {
    String members =
        offsets.stream()
            .map(offset -> "127.0.0.1[" + (7600 + offset) + "]")
            .collect(Collectors.joining(","));
    List<Integer> pages = new ArrayList<>();
    offsets.forEach(offset -> pages.add(8080 + offset));
    pages.add(8080 + balancerOffset);
    return new FaultServer(
        System.getProperty("fault.wildfly.cluster.config", "consultchat-ha.xml"),
        BASE.resolveSibling("wildfly-" + name),
        portOffset,
        8080 + portOffset,
        9990 + portOffset,
        pages,
        Map.of(
            "jboss.node.name", name,
            "consultchat.cluster.members", members,
            // The balancer's mod_cluster port (balancer.cli: 8090 plus its offset).
            "consultchat.balancer.port", String.valueOf(8090 + balancerOffset)),
        false);
  }

  /** The load balancer (consultchat-balancer.xml) at the given port offset; it deploys nothing. */
  static FaultServer balancer(int portOffset) {
    return new FaultServer(
        "consultchat-balancer.xml",
        BASE.resolveSibling("wildfly-balancer"),
        portOffset,
        8080 + portOffset,
        9990 + portOffset,
        List.of(),
        Map.of(),
        true);
  }

  String baseUrl() {
    return baseUrl;
  }

  String origin() {
    return baseUrl.replaceAll("^(https?://[^/]+).*$", "$1");
  }

  /** HTTP/1.1 as a browser speaks it over plain http (the JDK's default would try h2c). */
  private static final HttpClient PROBE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Process launcher;

  /** A fresh base directory: the built configuration, the EAR in the scanned deployments. */
  void prepareBase() {
    try {
      if (Files.exists(base)) {
        try (Stream<Path> old = Files.walk(base)) {
          old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      Path source = HOME.resolve("standalone/configuration");
      Path target = base.resolve("configuration");
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file :
            files.filter(f -> !f.toString().contains("standalone_xml_history")).toList()) {
          Path copy = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Files.createDirectories(base.resolve("deployments"));
      Files.createDirectories(base.resolve("log"));
      if (!balancer) {
        Files.copy(EAR, base.resolve("deployments").resolve(DEPLOYMENT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server and returns once the application answers, with extra system properties. */
  void start(Map<String, String> properties) {
    if (running()) {
      throw new IllegalStateException("The server is already running");
    }
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("bin/standalone.sh").toString());
    command.add("-c");
    command.add(config);
    // The configuration uses the Prometheus registry, a community-stability feature.
    command.add("--stability=community");
    command.add("-Djboss.server.base.dir=" + base.toAbsolutePath());
    // The IT server's settings (ear/pom.xml, start-test-server), on the fault ports and cluster.
    command.add("-Djboss.socket.binding.port-offset=" + portOffset);
    command.add("-Dconsultchat.db.url=" + FaultDatabase.URL);
    command.add("-Dconsultchat.db.owner.user=" + FaultDatabase.USER);
    command.add("-Dconsultchat.db.owner.password=" + FaultDatabase.PASSWORD);
    command.add("-Dconsultchat.db.user=" + FaultDatabase.APP_USER);
    command.add("-Dconsultchat.db.password=" + FaultDatabase.APP_PASSWORD);
    command.add("-Dconsultchat.admin.password=" + TestServer.ADMIN_PASSWORD);
    command.add("-Dconsultchat.poll.interval.seconds=2");
    // Outages leave hundreds of one person's messages to send at once; that is not what these test.
    command.add("-Dconsultchat.rate.messages.per.minute=1000000");
    command.add("-Dconsultchat.rate.frames.per.minute=10000000");
    command.add("-Dconsultchat.allowed.origins=" + String.join(",", origins));
    ownProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
    // standalone.conf keeps JAVA_OPTS when set, so the defaults it would add are repeated here.
    builder
        .environment()
        .put(
            "JAVA_OPTS",
            "-Xms256m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman"
                + " -Djava.awt.headless=true");
    try {
      launcher = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitServing(START_LIMIT);
  }

  boolean running() {
    return launcher != null && launcher.isAlive();
  }

  /** Waits until the deployment is up and its login page answers (a balancer: until it runs). */
  void awaitServing(Duration limit) {
    Await.until(
        "the server to serve the application",
        limit,
        () -> {
          if (launcher != null && !launcher.isAlive()) {
            throw new AssertionError(
                "The server exited (" + launcher.exitValue() + "); see " + consoleLog());
          }
          return balancer ? serverRunning() : deployed() && answering();
        });
  }

  /** SIGKILL to the server's JVM (not the script that started it), as a crash would. */
  void kill9() {
    ProcessHandle java =
        launcher
            .descendants()
            .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No java process under standalone.sh"));
    java.destroyForcibly();
    awaitExit(java);
  }

  /** A graceful stop through the management API, as an operator would ask for one. */
  void stopGracefully() {
    ModelNode shutdown = new ModelNode();
    shutdown.get("operation").set("shutdown");
    shutdown.get("address").setEmptyList();
    try {
      execute(shutdown);
    } catch (UncheckedIOException closedWhileAnswering) {
      // The server may close the management connection before its answer: its exit tells.
    }
    awaitExit(launcher.toHandle());
  }

  private void awaitExit(ProcessHandle process) {
    try {
      process.onExit().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
      launcher.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("The server did not stop within " + STOP_LIMIT, e);
    }
  }

  /**
   * {@code :reload} through the management API; returns once the server is running again (not
   * whether the application came back: that is for the caller to see).
   */
  void reload() {
    ModelNode reload = new ModelNode();
    reload.get("operation").set("reload");
    reload.get("address").setEmptyList();
    try {
      execute(reload);
    } catch (UncheckedIOException closedWhileAnswering) {
      // The reload closes the management connection, often before its answer arrives.
    }
    // The answer may come just before the services stop: first see them stop, then start.
    Await.until("the server to begin its :reload", START_LIMIT, () -> !serverRunning());
    Await.until("the server to run again after :reload", START_LIMIT, this::serverRunning);
  }

  /** Whether the server's own state is "running" (read over management; false while down). */
  boolean serverRunning() {
    try {
      return "running".equals(readAttribute(new ModelNode().setEmptyList(), "server-state"));
    } catch (RuntimeException notAnswering) {
      return false;
    }
  }

  /** Whether the EAR is deployed and its status OK. */
  boolean deployed() {
    try {
      ModelNode address = new ModelNode();
      address.add("deployment", DEPLOYMENT);
      return "OK".equals(readAttribute(address, "status"));
    } catch (RuntimeException notAnswering) {
      return false;
    }
  }

  /** The login page answers 200 within 10 s. */
  boolean answering() {
    return loginPage(baseUrl, Duration.ofSeconds(10)).answered();
  }

  /** One load of the login page: how long it took, or why it did not answer 200 in time. */
  record PageProbe(long millis, String failure) {
    boolean answered() {
      return failure == null;
    }
  }

  /** The fault suite's server's login page. */
  static PageProbe loginPage(Duration limit) {
    return loginPage(BASE_URL, limit);
  }

  static PageProbe loginPage(String baseUrl, Duration limit) {
    long started = System.nanoTime();
    try {
      HttpResponse<Void> page =
          PROBE.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/login.xhtml"))
                  .timeout(limit)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new PageProbe(millis, page.statusCode() == 200 ? null : "HTTP " + page.statusCode());
    } catch (IOException e) {
      return new PageProbe((System.nanoTime() - started) / 1_000_000, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PageProbe((System.nanoTime() - started) / 1_000_000, "interrupted");
    }
  }

  /** Heap in use and its maximum, in bytes, as the server's platform MBean reports them. */
  long[] heap() {
    ModelNode address = new ModelNode();
    address.add("core-service", "platform-mbean").add("type", "memory");
    ModelNode usage = readAttributeNode(address, "heap-memory-usage");
    return new long[] {usage.get("used").asLong(), usage.get("max").asLong()};
  }

  /** Bytes of everything the server logged so far: server.log (and rotations) and the console. */
  long logBytes() {
    try (Stream<Path> files = Files.list(base.resolve("log"))) {
      return files.mapToLong(f -> f.toFile().length()).sum() + consoleLog().toFile().length();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path consoleLog() {
    return base.resolve("console.log");
  }

  /** Sets a system property on the running server, or removes it with a null value. */
  void systemProperty(String name, String value) {
    ModelNode operation = new ModelNode();
    operation.get("address").add("system-property", name);
    operation.get("operation").set(value == null ? "remove" : "add");
    if (value != null) {
      operation.get("value").set(value);
    }
    execute(operation);
  }

  private String readAttribute(ModelNode address, String name) {
    return readAttributeNode(address, name).asString();
  }

  private ModelNode readAttributeNode(ModelNode address, String name) {
    ModelNode read = new ModelNode();
    read.get("operation").set("read-attribute");
    read.get("address").set(address);
    read.get("name").set(name);
    return execute(read);
  }

  private ModelNode execute(ModelNode operation) {
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(), managementPort)) {
      ModelNode outcome = client.execute(operation);
      if (!"success".equals(outcome.get("outcome").asString())) {
        throw new IllegalStateException("Management operation failed: " + outcome);
      }
      return outcome.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

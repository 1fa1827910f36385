package com.consultchat.bench;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The baseline server: Undertow with the JSR-356 container, sized like WildFly's defaults on this
 * machine (4 I/O threads, 32 worker threads, 16 KB direct buffers, socket work dispatched to
 * workers). Runs until its standard input closes.
 */
public final class BareServer {

  private BareServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int ioThreads = Integer.parseInt(args[1]);
    int workerThreads = Integer.parseInt(args[2]);
    XnioWorker worker =
        Xnio.getInstance()
            .createWorker(
                OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
                    .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
                    .set(Options.TCP_NODELAY, true)
                    .getMap());
    WebSocketDeploymentInfo sockets =
        new WebSocketDeploymentInfo()
            .setWorker(worker)
            .setBuffers(new DefaultByteBufferPool(true, 16 * 1024))
            .setDispatchToWorkerThread(true)
            .addEndpoint(BareChatEndpoint.class);
    DeploymentInfo deployment =
        Servlets.deployment()
            .setClassLoader(BareServer.class.getClassLoader())
            .setContextPath("/bench")
            .setDeploymentName("bench.war")
            .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, sockets);
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
    manager.deploy();
    Undertow server =
        Undertow.builder()
            .setWorker(worker)
            .setDirectBuffers(true)
            .setBufferSize(16 * 1024)
            .addHttpListener(port, "127.0.0.1")
            .setHandler(Handlers.path().addPrefixPath("/bench", manager.start()))
            .build();
    server.start();
    // Standard output is the protocol with the harness that started this process, not a log.
    System.out.println("= started port=" + port);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // Runs until the harness closes standard input.
    }
    server.stop();
    System.exit(0);
  }
}

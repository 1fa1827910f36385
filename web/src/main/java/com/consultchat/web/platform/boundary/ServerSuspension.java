package com.consultchat.web.platform.boundary;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.as.server.suspend.ServerResumeContext;
import org.jboss.as.server.suspend.ServerSuspendContext;
import org.jboss.as.server.suspend.SuspendableActivity;
import org.jboss.as.server.suspend.SuspendableActivityRegistry;
import org.jboss.msc.Service;
import org.jboss.msc.service.ServiceBuilder;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;
import org.jboss.msc.service.StartContext;
import org.jboss.msc.service.StopContext;

/**
 * Runs an action when WildFly begins a graceful stop, reload or suspend, before anything is shut,
 * and another when a suspended server resumes instead of stopping. The server suspends before it
 * undeploys, and in its suspend phase Undertow closes every socket itself with 1001 (going away),
 * which tells a client nothing about when to come back; the application's own shutdown callbacks
 * come after that. The suspend controller first runs the prepare phase of every registered
 * activity, then the suspend phases, so an action run in prepare still finds every socket open.
 * This is WildFly's own API (module {@code org.jboss.as.server}), used in this one place.
 */
public final class ServerSuspension implements SuspendableActivity {

  private static final System.Logger LOG = System.getLogger(ServerSuspension.class.getName());

  // The capability under which WildFly registers its suspend controller.
  private static final ServiceName CONTROLLER =
      ServiceName.parse("org.wildfly.server.suspend-controller");

  private final Runnable beforeSuspend;
  private final Runnable afterResume;

  private ServerSuspension(Runnable beforeSuspend, Runnable afterResume) {
    this.beforeSuspend = beforeSuspend;
    this.afterResume = afterResume;
  }

  /**
   * Registers {@code beforeSuspend} and {@code afterResume} with the server's suspend controller,
   * through a small service that depends on it (the controller is reachable only as a service
   * dependency); run the result to unregister when the application stops.
   */
  public static Runnable register(Runnable beforeSuspend, Runnable afterResume) {
    ServerSuspension activity = new ServerSuspension(beforeSuspend, afterResume);
    ServiceBuilder<?> builder = CurrentServiceContainer.getServiceContainer().addService();
    Supplier<SuspendableActivityRegistry> registry = builder.requires(CONTROLLER);
    ServiceController<?> service =
        builder
            .setInstance(
                new Service() {
                  @Override
                  public void start(StartContext context) {
                    registry.get().registerActivity(activity);
                  }

                  @Override
                  public void stop(StopContext context) {
                    registry.get().unregisterActivity(activity);
                  }
                })
            .install();
    return () -> service.setMode(ServiceController.Mode.REMOVE);
  }

  @Override
  public CompletionStage<Void> prepare(ServerSuspendContext context) {
    // The server must suspend whatever happens here.
    runLogged(beforeSuspend, "The action before suspending failed");
    return COMPLETED;
  }

  @Override
  public CompletionStage<Void> suspend(ServerSuspendContext context) {
    return COMPLETED;
  }

  @Override
  public CompletionStage<Void> resume(ServerResumeContext context) {
    runLogged(afterResume, "The action after resuming failed");
    return COMPLETED;
  }

  private static void runLogged(Runnable action, String failed) {
    try {
      action.run();
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, failed, failure);
    }
  }
}

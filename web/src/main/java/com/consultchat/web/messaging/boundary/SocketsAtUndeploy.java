package com.consultchat.web.messaging.boundary;

import com.consultchat.web.messaging.control.Disconnects;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Tells the sockets of an application being undeployed (a reload, a redeployment) that the service
 * restarts, before the WebSocket container closes them itself with 1001. The container's own
 * listener is added when the application deploys; listeners end in the reverse order of their
 * registration, and only one registered from a container initializer comes after it, hence this
 * initializer rather than a plain {@code @WebListener}. A graceful shutdown suspends the server
 * first and is handled by {@link com.consultchat.web.platform.boundary.ServerSuspension}.
 */
public class SocketsAtUndeploy implements ServletContainerInitializer {

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    context.addListener(
        new ServletContextListener() {
          @Override
          public void contextDestroyed(ServletContextEvent event) {
            CDI.current().select(Disconnects.class).get().forRestart();
          }
        });
  }
}

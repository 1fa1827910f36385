package com.consultchat.web.messaging.boundary;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link QuietPollHandler} in front of this web module's request handling, ahead of sessions,
 * security and the servlet filters. Undertow finds it through {@code META-INF/services}.
 */
public class QuietPollExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addInitialHandlerChainWrapper(next -> new QuietPollHandler(next, context));
  }
}

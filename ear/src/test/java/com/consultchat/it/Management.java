package com.consultchat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** Operator actions on the test server through its management port. */
final class Management {

  private Management() {}

  /**
   * Sets a system property on the running server, or removes it with a null value. ConsultChat
   * reads its switches on every use, so the change counts at once, as it would for an operator.
   */
  static void systemProperty(String name, String value) {
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            InetAddress.getLoopbackAddress(), TestServer.MANAGEMENT_PORT)) {
      ModelNode operation = new ModelNode();
      operation.get("address").add("system-property", name);
      if (value == null) {
        operation.get("operation").set("remove");
      } else {
        operation.get("operation").set("add");
        operation.get("value").set(value);
      }
      ModelNode outcome = client.execute(operation);
      if (!"success".equals(outcome.get("outcome").asString())) {
        throw new IllegalStateException("Management operation failed: " + outcome);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

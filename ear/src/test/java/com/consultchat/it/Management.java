package com.consultchat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.stream.Collectors;
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
    ModelNode operation = new ModelNode();
    operation.get("address").add("system-property", name);
    if (value == null) {
      operation.get("operation").set("remove");
    } else {
      operation.get("operation").set("add");
      operation.get("value").set(value);
    }
    execute(operation);
  }

  /** The ids of the HTTP sessions the server holds, as an operator would list them. */
  static Set<String> sessionIds() {
    ModelNode children = new ModelNode();
    children.get("address").add("deployment", FaultServer.DEPLOYMENT);
    children.get("operation").set("read-children-names");
    children.get("child-type").set("subdeployment");
    String war =
        execute(children).asList().stream()
            .map(ModelNode::asString)
            .filter(name -> name.endsWith(".war"))
            .findFirst()
            .orElseThrow();
    ModelNode list = new ModelNode();
    list.get("address")
        .add("deployment", FaultServer.DEPLOYMENT)
        .add("subdeployment", war)
        .add("subsystem", "undertow");
    list.get("operation").set("list-sessions");
    return execute(list).asList().stream().map(ModelNode::asString).collect(Collectors.toSet());
  }

  private static ModelNode execute(ModelNode operation) {
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            InetAddress.getLoopbackAddress(), TestServer.MANAGEMENT_PORT)) {
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

package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * The server restarts while a patient is sending: what was acked stays, what was not is resent
 * once.
 */
class RestartIT {

  private static final int COUNT = 300;

  @Test
  void everyAckedMessageSurvivesARestartAndEveryUnackedOneIsStoredOnceAfterResending() {
    TakenConsultation consultation = TakenConsultation.create("Dizzy spells in the morning");
    WebClient patient = consultation.patient();
    long conversation = consultation.conversation();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    Map<String, Long> acked = new HashMap<>();

    // One message at a time, as a person types, until the restart cuts the connection.
    SocketClient before = SocketClient.open(patient);
    CompletableFuture<Void> restart = null;
    for (int i = 0; i < COUNT; i++) {
      if (!before.trySend(conversation, ids.get(i), "message " + i)) {
        break;
      }
      JsonObject ack = before.nextUnlessClosed("ack");
      if (ack == null) {
        break;
      }
      acked.put(ack.getString("clientId"), ack.getJsonNumber("seq").longValue());
      if (i == COUNT / 3) {
        restart = CompletableFuture.runAsync(RestartIT::reloadServer);
      }
    }
    assertThat(restart).as("the restart began while sending").isNotNull();
    try {
      restart.join();
      resendAfterTheRestart(patient, conversation, ids, acked, before);
    } finally {
      // Whatever failed above, the tests after this one find the application deployed again.
      Await.until(
          "the application to be deployed again", Duration.ofSeconds(180), RestartIT::deployed);
    }
  }

  private static void resendAfterTheRestart(
      WebClient patient,
      long conversation,
      List<String> ids,
      Map<String, Long> acked,
      SocketClient before) {
    // A graceful reload tells the client the service restarts and how long to spread reconnects.
    // The reload operation answers before the server stops, and a busy machine stops slowly.
    assertThat(before.awaitClose(Duration.ofSeconds(90))).isEqualTo(1012);
    assertThat(before.closeReason()).isEqualTo("retry-after=15");
    Map<String, Long> ackedBeforeRestart = Map.copyOf(acked);

    Await.until("the server to serve again", Duration.ofSeconds(120), () -> serving(patient));
    // The HTTP session outlived the restart: the same login opens the socket again, retrying as
    // browsers do while the server finishes starting.
    SocketClient[] reopened = new SocketClient[1];
    Await.until(
        "the socket to open again",
        Duration.ofSeconds(60),
        () -> (reopened[0] = tryOpen(patient)) != null);
    try (SocketClient after = reopened[0]) {
      after.sendWindowed(conversation, ids, i -> "message " + i, acked, COUNT);
    }

    assertThat(ackedBeforeRestart).isNotEmpty().hasSizeLessThan(COUNT);
    ackedBeforeRestart.forEach((id, seq) -> assertThat(acked.get(id)).isEqualTo(seq));
    for (int i = 0; i < COUNT; i++) {
      assertThat(acked.get(ids.get(i))).as("seq of message %d", i).isEqualTo(i + 1L);
    }
    assertThat(Database.messagesIn(conversation)).isEqualTo(COUNT);
    assertThat(
            Database.count(
                "select count(*) from message where conversation_id = ? and body = 'message ' || (seq - 1)",
                conversation))
        .isEqualTo(COUNT);
  }

  /** Serving this person's page, not the login page: the session survived. */
  private static boolean serving(WebClient client) {
    try {
      var page = client.get("/patient/home.xhtml");
      return page.statusCode() == 200 && page.uri().getPath().endsWith("/patient/home.xhtml");
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  /** The login page answers: the application is deployed, whoever's session survived. */
  private static boolean deployed() {
    try {
      return new WebClient("restart-probe").get("/login.xhtml").statusCode() == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static SocketClient tryOpen(WebClient client) {
    try {
      return SocketClient.open(client);
    } catch (RuntimeException notYet) {
      return null;
    }
  }

  /** Reloads the whole server (every service, the deployment with them) as an operator would. */
  private static void reloadServer() {
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            InetAddress.getLoopbackAddress(), TestServer.MANAGEMENT_PORT)) {
      ModelNode reload = new ModelNode();
      reload.get("operation").set("reload");
      reload.get("address").setEmptyList();
      ModelNode outcome = client.execute(reload);
      if (!"success".equals(outcome.get("outcome").asString())) {
        throw new IllegalStateException("Reload failed: " + outcome);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * One room of 200 members, each with an open socket on loopback: a message reaches every one of
 * them exactly once. Members are written straight into the database with a cheap password hash, so
 * the test measures delivery, not 200 sign-ups at 210,000 PBKDF2 iterations.
 */
class RoomFanOutIT {

  private static final int MEMBERS = 200;
  private static final String PASSWORD = "fan-out password";

  @Test
  void aMessageReachesEachOf200MembersExactlyOnce() {
    WebClient staff = WebClient.newStaff();
    long room = Rooms.create(staff, "Big room " + UUID.randomUUID(), true, false);
    long conversation = Rooms.conversation(staff, room);
    List<WebClient> members = members(room, conversation);

    List<SocketClient> sockets = new ArrayList<>();
    try (SocketClient staffSocket = SocketClient.open(staff)) {
      for (WebClient member : members) {
        sockets.add(SocketClient.open(member));
      }
      String clientId = staffSocket.send(conversation, "Welcome, all 200 of you");
      long seq = staffSocket.next("ack").getJsonNumber("seq").longValue();
      // The second message is a barrier: a socket that has it cannot still be waiting for the
      // first, so anything but one copy of the first before it is a loss or a duplicate.
      staffSocket.send(conversation, "End of test");
      staffSocket.next("ack");

      for (SocketClient socket : sockets) {
        List<JsonObject> first = new ArrayList<>();
        while (true) {
          JsonObject message = socket.next("message").getJsonObject("message");
          if (message.getString("body").equals("End of test")) {
            break;
          }
          first.add(message);
        }
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getJsonNumber("seq").longValue()).isEqualTo(seq);
        assertThat(first.get(0).getString("clientId")).isEqualTo(clientId);
      }
      assertThat(Database.messagesIn(conversation)).isEqualTo(2);
    } finally {
      sockets.forEach(SocketClient::close);
    }
  }

  /** Patients in the room, logged in; accounts and memberships written in one go. */
  private static List<WebClient> members(long room, long conversation) {
    String prefix = WebClient.unique("fan");
    long base =
        4_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    String hash = cheapHash();
    Timestamp now = Timestamp.from(Instant.now());
    Database.execute(
        "insert into account (id, username, display_name, password_hash, role, status,"
            + " password_change_required, created_at)"
            + " select ? + n, ? || '-' || n, 'Fan ' || n, ?, 'PATIENT', 'ACTIVE', false, ?"
            + " from generate_series(0, ? - 1) n",
        base,
        prefix,
        hash,
        now,
        MEMBERS);
    Database.execute(
        "insert into focus_group_member (focus_group_id, account_id, pseudonym, handle, status,"
            + " requested_at, decided_at) select ?, ? + n, 'Member ' || n, n + 1, 'ACTIVE', ?, ?"
            + " from generate_series(0, ? - 1) n",
        room,
        base,
        now,
        now,
        MEMBERS);
    Database.execute(
        "insert into conversation_member (conversation_id, account_id, joined_at)"
            + " select ?, ? + n, ? from generate_series(0, ? - 1) n",
        conversation,
        base,
        now,
        MEMBERS);
    List<WebClient> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      WebClient member = new WebClient(prefix + "-" + i);
      member.login(member.username, PASSWORD);
      members.add(member);
    }
    return members;
  }

  /** The stored form the login verifies, at one iteration: the cost is not what this tests. */
  private static String cheapHash() {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    try {
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
              .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 1, 64 * 8))
              .getEncoded();
      Base64.Encoder base64 = Base64.getEncoder();
      return "PBKDF2WithHmacSHA512:1:"
          + base64.encodeToString(salt)
          + ":"
          + base64.encodeToString(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

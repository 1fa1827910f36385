package com.consultchat.web.messaging.control;

import static com.consultchat.web.messaging.control.SessionRegistryTest.ANNA;
import static com.consultchat.web.messaging.control.SessionRegistryTest.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.MemberRef;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.boundary.Whereabouts;
import com.consultchat.platform.boundary.Whereabouts.Here;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresencesTest {

  private static final long DIRECT = 40;
  private static final long ROOM = 41;
  private static final long HANDLE = 900;
  private static final Caller CARL = new Caller(3, "carl", "Carl", Role.PATIENT);

  private final QueuedExecutor executor = new QueuedExecutor();
  private final SessionRegistry registry = new SessionRegistry();
  private final Presences presences = new Presences();
  private final Elsewhere elsewhere = new Elsewhere();
  private final FakeSocket annaSocket = new FakeSocket("s1");
  private final FakeSocket benSocket = new FakeSocket("s2");
  private SessionChannel anna;
  private SessionChannel ben;

  @BeforeEach
  void wire() {
    presences.registry = registry;
    presences.lanes = new PersonLanes(registry, new FanOut(2, executor));
    presences.settings = new Settings();
    presences.whereabouts = elsewhere;
    // Anna and Ben talk directly; in the room Ben knows Carl by a handle only.
    Map<Long, List<MemberRef>> others =
        Map.of(
            DIRECT, List.of(new MemberRef(BEN.id(), "Dr Ben", null, BEN.id())),
            ROOM, List.of(new MemberRef(CARL.id(), "Fox", null, HANDLE)));
    presences.conversations =
        new Conversations() {
          @Override
          public List<MemberRef> others(Caller caller, long conversation) {
            return others.get(conversation);
          }
        };
    anna = registry.open(annaSocket.session, ANNA);
    ben = registry.open(benSocket.session, BEN);
    presences.opened(anna);
    presences.opened(ben);
    executor.runAll();
  }

  @Test
  void aSocketIsToldOfThoseItAskedAboutThroughItsPersonsLane() {
    presences.of(ANNA, DIRECT, Optional.of(anna));

    presences.away(ben, true);
    assertThat(annaSocket.sent).isEmpty();
    executor.runAll();

    assertThat(annaSocket.sent)
        .singleElement()
        .asString()
        .contains("\"account\":" + BEN.id())
        .contains("\"state\":\"away\"");
    assertThat(benSocket.sent).isEmpty();
  }

  @Test
  void aSocketThatDidNotAskIsNotTold() {
    presences.of(ANNA, DIRECT, Optional.empty());

    presences.away(ben, true);
    executor.runAll();

    assertThat(annaSocket.sent).isEmpty();
  }

  @Test
  void aRoomMemberIsToldUnderTheHandleTheyKnow() {
    presences.of(BEN, ROOM, Optional.of(ben));
    SessionChannel carl = registry.open(new FakeSocket("s3").session, CARL);

    presences.opened(carl);
    executor.runAll();

    assertThat(benSocket.sent)
        .singleElement()
        .asString()
        .contains("\"account\":" + HANDLE)
        .doesNotContain("\"account\":" + CARL.id());
  }

  @Test
  void aClosedSocketIsToldNothingMore() {
    presences.of(ANNA, DIRECT, Optional.of(anna));
    registry.closed(annaSocket.session);

    presences.away(ben, true);
    executor.runAll();

    assertThat(annaSocket.sent).isEmpty();
  }

  @Test
  void everyChangeHereIsSharedWithTheOtherNodes() {
    presences.away(ben, true);
    presences.closed(anna);

    assertThat(elsewhere.changed).containsExactly(ANNA.id(), BEN.id(), BEN.id(), ANNA.id());
    assertThat(presences.here(ANNA.id())).isEqualTo(Here.OFFLINE);
    assertThat(presences.here(BEN.id())).isEqualTo(Here.AWAY);
  }

  @Test
  void someoneOnlineOnAnotherNodeIsShownOnlineUntilTheyLeaveIt() {
    SessionChannel carl = registry.open(new FakeSocket("s3").session, CARL);
    elsewhere.there.put(CARL.id(), Here.ONLINE);
    presences.moved(List.of(CARL.id()));

    assertThat(presences.of(BEN, ROOM, Optional.of(ben)).members())
        .singleElement()
        .extracting(ServerFrame.PresenceState::state)
        .isEqualTo("online");
    assertThat(presences.isHere(CARL.id())).isTrue();

    // Carl also opens the app here and leaves it again: still online on the other node.
    presences.opened(carl);
    presences.closed(carl);
    executor.runAll();
    assertThat(benSocket.sent).isEmpty();

    elsewhere.there.remove(CARL.id());
    presences.moved(List.of(CARL.id()));
    executor.runAll();
    assertThat(benSocket.sent)
        .singleElement()
        .asString()
        .contains("\"account\":" + HANDLE)
        .contains("\"state\":\"offline\"");
  }

  @Test
  void aNodeThatLeavesTakesItsPeopleWithIt() {
    presences.of(ANNA, DIRECT, Optional.of(anna));
    presences.away(ben, true);
    executor.runAll();
    annaSocket.sent.clear();
    elsewhere.there.put(BEN.id(), Here.ONLINE);
    presences.moved(List.of(BEN.id()));
    executor.runAll();
    assertThat(annaSocket.sent).singleElement().asString().contains("\"state\":\"online\"");

    elsewhere.there.clear();
    presences.nodesChanged();
    executor.runAll();

    assertThat(annaSocket.sent).hasSize(2).last().asString().contains("\"state\":\"away\"");
  }

  /** The other nodes of a cluster, as this node sees them through the registrar. */
  private static final class Elsewhere extends Whereabouts {
    final Map<Long, Here> there = new HashMap<>();
    final List<Long> changed = new ArrayList<>();

    @Override
    public void follow(Local local) {}

    @Override
    public void changed(long account) {
      changed.add(account);
    }

    @Override
    public Here elsewhere(long account) {
      return there.getOrDefault(account, Here.OFFLINE);
    }
  }
}

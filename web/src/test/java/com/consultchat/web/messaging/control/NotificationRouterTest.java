package com.consultchat.web.messaging.control;

import static com.consultchat.web.messaging.control.SessionRegistryTest.ANNA;
import static com.consultchat.web.messaging.control.SessionRegistryTest.BEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.messaging.boundary.ReceiptChanged;
import com.consultchat.messaging.boundary.ReceiptState;
import com.consultchat.messaging.boundary.Typing;
import com.consultchat.platform.boundary.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationRouterTest {

  private static final long CONVERSATION = 40;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final QueuedExecutor executor = new QueuedExecutor();
  private final SessionRegistry registry = new SessionRegistry();
  private final NotificationRouter router = new NotificationRouter(now::get);
  private final FakeSocket anna = new FakeSocket("s1");
  private final FakeSocket ben = new FakeSocket("s2");

  @BeforeEach
  void wire() {
    router.lanes = new PersonLanes(registry, new FanOut(2, executor));
    router.meters = new MessagingMeters();
    router.pollVersions = new PollVersions(now::get);
    router.typing = new RecentTyping(now::get);
    registry.open(anna.session, ANNA);
    registry.open(ben.session, BEN);
  }

  @Test
  void aMessageGoesToItsRecipientsOnlyAndStalesThePollToken() {
    String before = router.pollVersions.current(CONVERSATION, ANNA.id());

    router.deliver(new MessagePosted(message(1), Set.of(ANNA.id())));
    executor.runAll();

    assertThat(anna.sent).singleElement().asString().contains("\"type\":\"message\"");
    assertThat(ben.sent).isEmpty();
    assertThat(router.pollVersions.current(CONVERSATION, ANNA.id())).isNotEqualTo(before);
  }

  @Test
  void messagesCommittedOutOfOrderReachSocketsInSeqOrder() {
    router.deliver(new MessagePosted(message(1), Set.of(ANNA.id())));
    router.deliver(new MessagePosted(message(3), Set.of(ANNA.id())));
    router.deliver(new MessagePosted(message(2), Set.of(ANNA.id())));
    executor.runAll();

    assertThat(anna.sent)
        .hasSize(3)
        .satisfiesExactly(
            first -> assertThat(first).contains("\"seq\":1"),
            second -> assertThat(second).contains("\"seq\":2"),
            third -> assertThat(third).contains("\"seq\":3"));
  }

  @Test
  void aReceiptIsPushedAndStalesThePollToken() {
    String before = router.pollVersions.current(CONVERSATION, BEN.id());

    router.deliver(
        new ReceiptChanged(CONVERSATION, new ReceiptState(ANNA.id(), 3, 2), Set.of(BEN.id())));
    executor.runAll();

    assertThat(ben.sent).singleElement().asString().contains("\"type\":\"receipt\"");
    assertThat(anna.sent).isEmpty();
    assertThat(router.pollVersions.current(CONVERSATION, BEN.id())).isNotEqualTo(before);
  }

  @Test
  void typingIsPushedToSocketsAndKeptForPolls() {
    router.deliver(new Typing(CONVERSATION, ANNA.id(), "Anna", Set.of(BEN.id())));
    executor.runAll();

    assertThat(ben.sent).singleElement().asString().contains("\"type\":\"typing\"");
    assertThat(router.typing.now(CONVERSATION, BEN.id()))
        .containsExactly(new ServerFrame.Typing(CONVERSATION, ANNA.id(), "Anna"));
    assertThat(router.typing.now(CONVERSATION, ANNA.id())).isEmpty();
  }

  @Test
  void aKindRoutedByAnotherFeatureGoesToItsHandlerOnly() {
    List<Poked> poked = new ArrayList<>();
    router.route(Poked.class, poked::add);

    router.deliver(new Poked(7));
    router.deliver(new Typing(CONVERSATION, ANNA.id(), "Anna", Set.of(BEN.id())));

    assertThat(poked).containsExactly(new Poked(7));
  }

  @Test
  void aSecondRouteForAKindIsRefusedAndTheFirstStays() {
    List<Poked> poked = new ArrayList<>();
    router.route(Poked.class, poked::add);

    assertThatThrownBy(() -> router.route(Poked.class, ignored -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Poked.class.getName());
    assertThatThrownBy(() -> router.route(MessagePosted.class, ignored -> {}))
        .isInstanceOf(IllegalStateException.class);
    router.deliver(new Poked(8));
    assertThat(poked).containsExactly(new Poked(8));
  }

  @Test
  void aKindOfNotificationWithoutARouteIsLeftAlone() {
    router.deliver(new Notification() {});
    executor.runAll();

    assertThat(anna.sent).isEmpty();
    assertThat(ben.sent).isEmpty();
  }

  private static ChatMessage message(long seq) {
    return new ChatMessage(
        CONVERSATION,
        seq,
        "c" + seq,
        BEN.id(),
        "Dr Ben",
        "TEXT",
        "hello",
        Instant.EPOCH,
        null,
        null,
        null,
        false,
        null);
  }

  /** A kind of notification messaging does not know, as another feature's would be. */
  private record Poked(long account) implements Notification {}
}

package com.consultchat.consultation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldByTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void withoutHandOversEveryMessageGoesToWhoeverHoldsItNow() {
    HeldBy heldBy = new HeldBy(List.of(), 7L);

    assertThat(heldBy.at(T0)).isEqualTo(7L);
    assertThat(heldBy.at(T0.plusSeconds(3_600))).isEqualTo(7L);
  }

  @Test
  void aMessageGoesToTheSpecialistWhoHeldItThenNotToTheOneWhoHoldsItNow() {
    HeldBy heldBy =
        new HeldBy(
            List.of(
                // Given out of order: the boundary's query orders them, the rule must not depend on
                // it.
                new HeldBy.Change(T0.plusSeconds(200), 8),
                new HeldBy.Change(T0.plusSeconds(100), 7)),
            9L);

    assertThat(heldBy.at(T0.plusSeconds(50))).isEqualTo(7L);
    assertThat(heldBy.at(T0.plusSeconds(150))).isEqualTo(8L);
    assertThat(heldBy.at(T0.plusSeconds(250))).isEqualTo(9L);
  }

  @Test
  void aMessageWrittenAtTheMomentOfAHandOverStillReachesTheOneWhoHandedItOnOnlyIfBefore() {
    HeldBy heldBy = new HeldBy(List.of(new HeldBy.Change(T0, 7)), 8L);

    assertThat(heldBy.at(T0.minusMillis(1))).isEqualTo(7L);
    assertThat(heldBy.at(T0)).isEqualTo(8L);
  }

  @Test
  void aRequestNobodyEverTookHasNoRecipient() {
    assertThat(new HeldBy(List.of(), null).at(T0)).isNull();
  }

  @Test
  void aConsultationHandedBackToTheQueueAndNotYetTakenHasNoRecipientForLaterMessages() {
    HeldBy heldBy = new HeldBy(List.of(new HeldBy.Change(T0, 7)), null);

    assertThat(heldBy.at(T0.minusSeconds(1))).isEqualTo(7L);
    assertThat(heldBy.at(T0.plusSeconds(1))).isNull();
  }
}

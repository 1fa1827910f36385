package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderSlotsTest {

  @Test
  void beyondItsSlotsARenderIsRefusedUntilOneIsFreedAndAFreedSlotCountsOnce() {
    RenderSlots renders = new RenderSlots(2);
    RenderSlots.Slot first = renders.take().orElseThrow();
    RenderSlots.Slot second = renders.take().orElseThrow();

    assertThat(renders.take()).isEmpty();

    first.close();
    first.close();
    RenderSlots.Slot third = renders.take().orElseThrow();
    assertThat(renders.take()).isEmpty();

    second.close();
    third.close();
    assertThat(renders.take()).isPresent();
  }
}

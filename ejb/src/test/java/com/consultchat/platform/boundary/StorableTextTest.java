package com.consultchat.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorableTextTest {

  @Test
  void ordinaryTextAndWholeSurrogatePairsPassUnchanged() {
    String text = "Dizzy since Monday \uD83D\uDE35 — müde, 头晕";

    assertThat(StorableText.check(text)).isSameAs(text);
    assertThat(StorableText.check(null)).isNull();
    assertThat(StorableText.check("")).isEmpty();
  }

  @Test
  void aNulCharacterIsRefusedWithAReason() {
    assertThatThrownBy(() -> StorableText.check("before\u0000after"))
        .isInstanceOf(Refused.class)
        .hasMessage("text.nul");
  }

  @Test
  void halfASurrogatePairIsRefusedWhereverItStands() {
    for (String broken :
        new String[] {"\uD83D", "x\uD83Dy", "x\uDE35", "\uDE35\uD83D", "ok \uD83D\uDE35 \uD83D"}) {
      assertThatThrownBy(() -> StorableText.check(broken))
          .isInstanceOf(Refused.class)
          .hasMessage("text.surrogate");
    }
  }
}

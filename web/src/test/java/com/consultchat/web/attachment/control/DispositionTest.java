package com.consultchat.web.attachment.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DispositionTest {

  @Test
  void aNameTravelsAsAsciiAndAsRfc5987Utf8() {
    assertThat(Disposition.attachment("Blutbild März.pdf"))
        .isEqualTo(
            "attachment; filename=\"Blutbild M_rz.pdf\"; filename*=UTF-8''Blutbild%20M%C3%A4rz.pdf");
  }

  @Test
  void quotesAndBackslashesCannotEndTheHeaderValue() {
    assertThat(Disposition.attachment("a\"b\\c.pdf"))
        .startsWith("attachment; filename=\"a_b_c.pdf\";")
        .endsWith("filename*=UTF-8''a%22b%5Cc.pdf");
  }
}

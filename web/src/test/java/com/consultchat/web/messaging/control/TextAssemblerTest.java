package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAssemblerTest {

  @Test
  void partsMakeOneMessageWhenTheLastArrivesAndTheNextStartsAfresh() {
    TextAssembler assembler = new TextAssembler(10);

    assertThat(assembler.add("{\"a\"", false)).isEmpty();
    assertThat(assembler.add(":1}", true)).hasValue("{\"a\":1}");
    assertThat(assembler.add("{}", true)).hasValue("{}");
    assertThat(assembler.overflowed()).isFalse();
  }

  @Test
  void aMessageExactlyAtTheLimitPassesAndOneCharacterMoreOverflows() {
    assertThat(new TextAssembler(4).add("abcd", true)).hasValue("abcd");

    TextAssembler assembler = new TextAssembler(4);
    assertThat(assembler.add("abc", false)).isEmpty();
    assertThat(assembler.add("de", true)).isEmpty();
    assertThat(assembler.overflowed()).isTrue();
    assertThat(assembler.add("x", true)).isEmpty();
  }
}

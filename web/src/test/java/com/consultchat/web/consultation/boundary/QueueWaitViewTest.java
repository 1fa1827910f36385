package com.consultchat.web.consultation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.web.platform.boundary.Words;
import com.consultchat.web.platform.boundary.WordsFixture;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QueueWaitViewTest {

  private final Words words = WordsFixture.clinic();

  private String say(Locale locale, long minutes) {
    return QueueWaitView.words(words, locale, Duration.ofMinutes(minutes));
  }

  @Test
  void wordsAPersonWouldSay() {
    assertThat(say(Locale.ENGLISH, 1)).isEqualTo("about a minute");
    assertThat(say(Locale.ENGLISH, 12)).isEqualTo("about 12 minutes");
    assertThat(say(Locale.ENGLISH, 60)).isEqualTo("about 1 hour");
    assertThat(say(Locale.ENGLISH, 135)).isEqualTo("about 2 hours 15 minutes");
  }

  @Test
  void andInGerman() {
    assertThat(say(Locale.GERMAN, 1)).isEqualTo("etwa eine Minute");
    assertThat(say(Locale.GERMAN, 12)).isEqualTo("etwa 12 Minuten");
    assertThat(say(Locale.GERMAN, 60)).isEqualTo("etwa 1 Stunde");
    assertThat(say(Locale.GERMAN, 135)).isEqualTo("etwa 2 Stunden 15 Minuten");
  }
}

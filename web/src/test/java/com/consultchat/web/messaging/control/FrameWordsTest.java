package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.platform.boundary.RateLimited;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.WordsFixture;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Error frames speak the language of the page that sent the frame; their codes stay as they are.
 */
class FrameWordsTest {

  private final FrameHandler handler = new FrameHandler();

  FrameWordsTest() {
    handler.words = WordsFixture.clinic();
  }

  private static ClientFrame frame(Locale locale) {
    ClientFrame frame = new ClientFrame();
    frame.type = "send";
    frame.clientId = "c-1";
    frame.locale = locale;
    return frame;
  }

  @Test
  void aRefusalInTheSendersLanguage() {
    Refused refused = Refused.invalid("frame.no-conversation");

    ServerFrame.Problem english = handler.refusal(frame(Locale.ENGLISH), refused);
    ServerFrame.Problem german = handler.refusal(frame(Locale.GERMAN), refused);

    assertThat(english.code()).isEqualTo("invalid").isEqualTo(german.code());
    assertThat(english.message()).isEqualTo("The frame names no conversation.");
    assertThat(german.message()).isEqualTo("Der Frame nennt kein Gespräch.");
    assertThat(german.clientId()).isEqualTo("c-1");
  }

  @Test
  void sendingTooFastNamesTheWait() {
    ServerFrame.Problem english = handler.refusal(frame(Locale.ENGLISH), new RateLimited(1));
    ServerFrame.Problem german = handler.refusal(frame(Locale.GERMAN), new RateLimited(3));

    assertThat(english.code()).isEqualTo("rate-limited");
    assertThat(english.message())
        .isEqualTo("You are sending faster than this service allows; please wait 1 second.");
    assertThat(german.message()).contains("3 Sekunden");
    assertThat(german.retryAfter()).isEqualTo(3);
  }

  @Test
  void busyAndMalformedToo() {
    assertThat(handler.busy("c-2", 5, Locale.GERMAN).code()).isEqualTo("busy");
    assertThat(handler.busy("c-2", 5, Locale.GERMAN).message()).startsWith("Der Server");
    assertThat(handler.malformed(Locale.ENGLISH))
        .extracting("message")
        .isEqualTo("That frame is not a JSON object this server reads.");
  }
}

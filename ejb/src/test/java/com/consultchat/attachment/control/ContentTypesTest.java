package com.consultchat.attachment.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  @Test
  void everyAllowedKindIsKnownByItsContent() {
    assertThat(ContentTypes.detect(Samples.pdf())).isEqualTo("application/pdf");
    assertThat(ContentTypes.detect(Samples.jpeg(8, 8))).isEqualTo("image/jpeg");
    assertThat(ContentTypes.detect(Samples.png(8, 8))).isEqualTo("image/png");
    assertThat(ContentTypes.detect(Samples.WEBP)).isEqualTo("image/webp");
    assertThat(ContentTypes.detect(Samples.mp3())).isEqualTo("audio/mpeg");
    assertThat(ContentTypes.detect(Samples.oggOpus())).isEqualTo("audio/ogg");
    assertThat(ContentTypes.detect(Samples.webm())).isEqualTo("audio/webm");
    assertThat(ContentTypes.detect(Samples.m4a())).isEqualTo("audio/mp4");
    assertThat(ContentTypes.detect(Samples.aac())).isEqualTo("audio/aac");
  }

  @Test
  void pagesPicturesInSvgAndProgramsAreRefusedWhateverTheyAreCalled() {
    for (String refused :
        new String[] {
          "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
          "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000PE executable",
          "\u007fELF\u0002\u0001\u0001 an executable",
          "just some text"
        }) {
      assertThatThrownBy(() -> ContentTypes.detect(refused.getBytes(StandardCharsets.ISO_8859_1)))
          .isInstanceOf(Refused.class)
          .hasMessageStartingWith("file.type.");
    }
  }

  @Test
  void aPdfThatIsAlsoAPageIsRefused() {
    byte[] polyglot =
        ("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n"
                + new String(Samples.pdf(), StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> ContentTypes.detect(polyglot))
        .isInstanceOf(Refused.class)
        .hasMessage("file.type.markup");
  }

  @Test
  void nothingIsNothing() {
    assertThatThrownBy(() -> ContentTypes.detect(new byte[0]))
        .isInstanceOf(Refused.class)
        .hasMessage("file.empty");
    assertThat(Arrays.asList("image/jpeg", "image/png", "image/webp"))
        .allMatch(ContentTypes::isPhoto);
  }
}

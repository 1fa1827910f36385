package com.consultchat.web.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.platform.boundary.Refused;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordsTest {

  @TempDir Path site;

  private Words words(String vocabulary, Optional<Path> siteWords) {
    Words words = new Words();
    words.configure(() -> vocabulary.equals("course"), siteWords);
    return words;
  }

  @Test
  void eachLanguageHasItsOwnWords() {
    Words words = words("clinic", Optional.empty());
    assertThat(words.get(Locale.ENGLISH, "search.submit")).isEqualTo("Search");
    assertThat(words.get(Locale.GERMAN, "search.submit")).isEqualTo("Suchen");
    assertThat(words.get(Locale.forLanguageTag("de-AT"), "search.submit")).isEqualTo("Suchen");
    assertThat(words.get(Locale.FRENCH, "search.submit"))
        .as("unsupported: English")
        .isEqualTo("Search");
  }

  @Test
  void aMissingKeyShowsItselfInsteadOfFailingThePage() {
    assertThat(words("clinic", Optional.empty()).get(Locale.ENGLISH, "no.such.key"))
        .isEqualTo("???no.such.key???");
  }

  @Test
  void aMissingKeyIsLoggedOnceAndNeverByName() {
    Logger log = Logger.getLogger(Words.class.getName());
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord entry) {
            lines.add(entry.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try {
      Words words = words("clinic", Optional.empty());
      words.get(Locale.ENGLISH, "no.such.key");
      words.get(Locale.ENGLISH, "no.such.key");
      assertThat(words.get(Locale.ENGLISH, "chest pain since Monday"))
          .isEqualTo("???chest pain since Monday???");
    } finally {
      log.removeHandler(capture);
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("A key has no text in en (shown on the page)");
    assertThat(lines.get(1)).doesNotContain("chest", "pain", "Monday");
  }

  @Test
  void theSitesOwnWordsOverrideTheBundlesInTheirLanguageOnly() throws Exception {
    Files.writeString(site.resolve("words.properties"), "search.submit=Look up\n");
    Files.writeString(site.resolve("words_de.properties"), "search.submit=Nachschlagen\n");
    Words words = words("course", Optional.of(site));
    assertThat(words.get(Locale.ENGLISH, "search.submit")).isEqualTo("Look up");
    assertThat(words.get(Locale.GERMAN, "search.submit")).isEqualTo("Nachschlagen");
    assertThat(words.get(Locale.GERMAN, "search.title")).isEqualTo("Suche");
  }

  @Test
  void theCourseSiteSwitchAppliesAtOnceBothWays() throws Exception {
    boolean[] course = {false};
    Words words = new Words();
    words.configure(() -> course[0], Optional.empty());
    String clinic = words.get(Locale.ENGLISH, "search.title");
    course[0] = true;
    assertThat(words.all(Locale.ENGLISH))
        .containsAllEntriesOf(TextBundlesTest.bundle("Course.properties"));
    course[0] = false;
    assertThat(words.get(Locale.ENGLISH, "search.title")).isEqualTo(clinic);
  }

  @Test
  void refusalsAreWordsInTheLanguageWithTheirNumbersFilledIn() throws Exception {
    Files.writeString(site.resolve("words.properties"), "refused.test.limit=At most {0} files.\n");
    Files.writeString(
        site.resolve("words_de.properties"), "refused.test.limit=Höchstens {0} Dateien.\n");
    Words words = words("clinic", Optional.of(site));
    Refused refused = Refused.invalid("test.limit", 1500);
    assertThat(words.refusal(Locale.ENGLISH, refused)).isEqualTo("At most 1,500 files.");
    assertThat(words.refusal(Locale.GERMAN, refused)).isEqualTo("Höchstens 1.500 Dateien.");
    assertThat(words.refusal(Locale.ENGLISH, Refused.invalid("Not a key yet.")))
        .isEqualTo("Not a key yet.");
  }

  @Test
  void theBrowsersFirstSpokenLanguageWins() {
    assertThat(
            Languages.best(
                Collections.enumeration(List.of(Locale.FRENCH, Locale.GERMAN, Locale.ENGLISH))))
        .isEqualTo(Locale.GERMAN);
    assertThat(Languages.best(Collections.enumeration(List.of(Locale.JAPANESE))))
        .isEqualTo(Locale.ENGLISH);
    assertThat(Languages.ownName(Locale.GERMAN)).isEqualTo("Deutsch");
    assertThat(Languages.of("x-!!")).isEmpty();
  }
}

package com.consultchat.safety.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhraseMatcherTest {

  private static final PhraseMatcher MATCHER =
      new PhraseMatcher(
          List.of(
              PhraseMatcher.phrase(1, "en", "chest pain"),
              PhraseMatcher.phrase(2, "en", "can't breathe"),
              PhraseMatcher.phrase(3, "en", "kill myself"),
              PhraseMatcher.phrase(4, "en", "overdose"),
              PhraseMatcher.phrase(5, "en", "slurred speech"),
              PhraseMatcher.phrase(6, "en", "bleeding heavily"),
              PhraseMatcher.phrase(7, "en", "suicide"),
              PhraseMatcher.phrase(8, "en", "self harm"),
              PhraseMatcher.phrase(9, "en", "short of breath")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Crushing CHEST PAIN since an hour",
        "chest-pain!!",
        "my chest pains are back",
        "chest, really bad pain",
        "a dull pain in my chest",
        "I can't breathe",
        "i cant breath",
        "I CANNOT BREATHE",
        "I can’t really breathe properly",
        "i can not breathe",
        "I want to kill myself",
        "thinking about killing my self",
        "I overdosed on my pills",
        "overdosing",
        "her speech is slurring",
        "Slurred, speech",
        "it is bleeding very heavily",
        "I'm having suicidal thoughts",
        "Süicide",
        "I self-harm again",
        "shortness of breath at night",
      })
  void findsPhrasingsCasesAndInflections(String text) {
    assertThat(MATCHER.find(text)).as(text).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My knee hurts when I run",
        "Can I get a repeat prescription?",
        "My knee pain is worse when I climb the stairs",
        "I feel well, thank you, no more questions",
        "",
      })
  void leavesOrdinaryQuestionsAlone(String text) {
    assertThat(MATCHER.find(text)).as(text).isEmpty();
  }

  @Test
  void wordsTooFarApartAreNotOnePhrase() {
    assertThat(MATCHER.find("chest x-ray last year showed nothing and no pain")).isEmpty();
  }

  @Test
  void namesTheFirstPhraseFound() {
    assertThat(MATCHER.find("crushing chest pain and I want to kill myself"))
        .map(PhraseMatcher.Phrase::id)
        .contains(1L);
  }

  @Test
  void nullTextMatchesNothing() {
    assertThat(MATCHER.find(null)).isEmpty();
  }

  @Test
  void stemsMeetAcrossEndings() {
    assertThat(PhraseMatcher.stem("bleeding")).isEqualTo(PhraseMatcher.stem("bleeds"));
    assertThat(PhraseMatcher.stem("breathing")).isEqualTo(PhraseMatcher.stem("breathe"));
    assertThat(PhraseMatcher.stem("slurred")).isEqualTo(PhraseMatcher.stem("slur"));
    assertThat(PhraseMatcher.stem("heavily")).isEqualTo(PhraseMatcher.stem("heavy"));
    assertThat(PhraseMatcher.stem("passed")).isEqualTo("pass");
  }

  @Test
  void theBooksOrderDecidesWhenTwoPhrasesMatchWhicheverTheTextNamesFirst() {
    String text = "I think I took an overdose and now I can't breathe";

    assertThat(MATCHER.find(text)).map(PhraseMatcher.Phrase::id).contains(2L);
  }

  @Test
  void aPairIsFoundFromItsSecondWordToo() {
    PhraseMatcher pairOnly = new PhraseMatcher(List.of(PhraseMatcher.phrase(1, "en", "arm numb")));

    assertThat(pairOnly.find("my left hand and the whole arm went numb")).isPresent();
    assertThat(pairOnly.find("numb, the whole left arm")).isPresent();
    assertThat(pairOnly.find("my arm is fine but the leg is numb")).isEmpty();
  }
}

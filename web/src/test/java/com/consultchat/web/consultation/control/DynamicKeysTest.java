package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.boundary.ClinicalKind;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.web.platform.boundary.Words;
import com.consultchat.web.platform.boundary.WordsFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Keys put together at run time (a status, a file's kind, a refused change), which the bundle guard
 * cannot see in the sources: each has its words in every language.
 */
class DynamicKeysTest {

  private final Words words = WordsFixture.clinic();

  @Test
  void everyComposedKeyHasItsWords() {
    List<String> keys = new ArrayList<>();
    for (ConsultationStatus status : ConsultationStatus.values()) {
      keys.add(ConsultationSummary.statusKey(status));
      if (status != ConsultationStatus.TRANSFERRED) {
        keys.add("refused.consultation.accept." + status.label());
      }
      if (!status.isInProgress()) {
        keys.add("refused.consultation.not-in-progress." + status.label());
      }
    }
    keys.add("consultation.status.followup");
    for (ClinicalKind kind : ClinicalKind.values()) {
      keys.add(TranscriptPdf.kindKey(kind.label()));
    }
    for (String action : List.of("transfer", "close", "schedule", "change")) {
      keys.add("refused.consultation.not-in-charge." + action);
    }
    for (String change : List.of("edit", "delete")) {
      keys.add("refused.message." + change + ".not-own");
      keys.add("refused.message." + change + ".too-late");
    }
    for (String state : List.of("online", "away", "offline")) {
      keys.add("js.presence." + state);
    }
    for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
      assertThat(words.all(locale).keySet()).as("words in %s", locale).containsAll(keys);
    }
  }
}

package com.consultchat.messaging.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void wordsAreTrimmedAndBlankWordsSearchNothing() {
    assertThat(SearchQuery.of("  fever ").text()).isEqualTo("fever");
    assertThat(SearchQuery.of("   ").blank()).isTrue();
    assertThat(SearchQuery.of(null).blank()).isTrue();
  }

  @Test
  void aQueryLongerThanTheLimitIsRefusedNotCut() {
    assertThatThrownBy(() -> SearchQuery.of("x".repeat(SearchQuery.MAX_TEXT + 1)))
        .isInstanceOf(Refused.class);
  }

  @Test
  void aPersonFilterNeedsTheirConversation() {
    assertThatThrownBy(() -> new SearchQuery("fever", null, 7L, false, null, null, false, 0))
        .isInstanceOf(Refused.class);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    Instant day = Instant.parse("2026-11-02T00:00:00Z");
    assertThatThrownBy(
            () -> new SearchQuery("fever", null, null, false, day, day.minusSeconds(1), false, 0))
        .isInstanceOf(Refused.class);
  }

  @Test
  void pagesEndAtTheDeepestOffset() {
    assertThatThrownBy(
            () ->
                new SearchQuery(
                    "fever", null, null, false, null, null, false, SearchQuery.MAX_OFFSET + 1))
        .isInstanceOf(Refused.class);
  }
}

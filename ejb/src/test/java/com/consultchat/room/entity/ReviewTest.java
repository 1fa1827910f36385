package com.consultchat.room.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reports and held posts are decided once. */
class ReviewTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aReportNeedsAReasonAndIsResolvedOnce() {
    assertThatThrownBy(() -> new Report(1, 2, 3, "  ", NOW)).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> new Report(1, 2, 3, "x".repeat(501), NOW)).isInstanceOf(Refused.class);
    Report report = new Report(1, 2, 3, "Spam", NOW);
    assertThatThrownBy(() -> report.resolve(9, "", NOW)).isInstanceOf(Refused.class);
    report.resolve(9, "Removed", NOW);
    assertThatThrownBy(() -> report.resolve(9, "Again", NOW))
        .hasMessage("room.report-already-resolved");
  }

  @Test
  void aHeldPostIsReleasedOrRejectedOnce() {
    HeldPost post = new HeldPost(1, 2, UUID.randomUUID(), "Hello", NOW);
    assertThat(post.sameAs(1, "Hello")).isTrue();
    assertThat(post.sameAs(1, "Hello!")).isFalse();
    post.release(9, NOW);
    assertThat(post.status()).isEqualTo("RELEASED");
    assertThatThrownBy(() -> post.reject(9, NOW)).isInstanceOf(Refused.class);
  }
}

package com.consultchat.privacy.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.privacy.boundary.ErasureStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErasureRequestTest {

  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

  @Test
  void aRequestIsDecidedOnce() {
    ErasureRequest request = new ErasureRequest(7, NOW);
    request.carryOut(1, NOW);
    assertThat(request.status()).isEqualTo(ErasureStatus.CARRIED_OUT);
    assertThatThrownBy(() -> request.decline(1, NOW, "changed my mind"))
        .isInstanceOf(Refused.class);
    assertThat(request.status()).isEqualTo(ErasureStatus.CARRIED_OUT);
  }

  @Test
  void aDeclineNeedsAReasonThePersonCanRead() {
    ErasureRequest request = new ErasureRequest(7, NOW);
    assertThatThrownBy(() -> request.decline(1, NOW, "  ")).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> request.decline(1, NOW, "x".repeat(501))).isInstanceOf(Refused.class);
    assertThat(request.status()).isEqualTo(ErasureStatus.PENDING);
    request.decline(1, NOW, " An open invoice dispute. ");
    assertThat(request.reason()).isEqualTo("An open invoice dispute.");
    assertThat(request.decidedAt()).isEqualTo(NOW);
  }
}

package com.consultchat.web.admin.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditFilter;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.platform.boundary.Refused;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void emptyPartsNarrowNothing() {
    assertThat(new AuditQuery(null, "", " ", null, "", null).filter(BERLIN))
        .isEqualTo(AuditFilter.everything());
  }

  @Test
  void daysAreWholeDaysInTheClinicsTimeZoneBothIncluded() {
    AuditFilter filter =
        new AuditQuery(
                " Admin ", "consultation", "42", "CONSULTATION_CLOSED", "2026-11-01", "2026-11-30")
            .filter(BERLIN);
    assertThat(filter.actor()).isEqualTo("admin");
    assertThat(filter.targetType()).isEqualTo(AuditTarget.CONSULTATION);
    assertThat(filter.targetId()).isEqualTo(42L);
    assertThat(filter.action()).isEqualTo(AuditAction.CONSULTATION_CLOSED);
    assertThat(filter.from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(filter.until()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
  }

  @Test
  void unreadablePartsAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> new AuditQuery(null, null, "x", null, null, null).filter(BERLIN))
        .isInstanceOf(Refused.class)
        .hasMessage("audit.filter.id");
    assertThatThrownBy(() -> new AuditQuery(null, "planet", null, null, null, null).filter(BERLIN))
        .isInstanceOf(Refused.class)
        .hasMessage("audit.filter.object");
    assertThatThrownBy(() -> new AuditQuery(null, null, null, "DANCED", null, null).filter(BERLIN))
        .isInstanceOf(Refused.class)
        .hasMessage("audit.filter.action");
    assertThatThrownBy(
            () -> new AuditQuery(null, null, null, null, "2026-12-02", "2026-12-01").filter(BERLIN))
        .isInstanceOf(Refused.class)
        .hasMessage("audit.filter.order");
    assertThatThrownBy(
            () -> new AuditQuery(null, null, null, null, "30.11.2026", null).filter(BERLIN))
        .isInstanceOf(Refused.class)
        .hasMessage("audit.filter.first.day");
  }

  @Test
  void theQueryStringCarriesOnlyWhatIsSetEncoded() {
    assertThat(new AuditQuery("a b", "", "7", null, "2026-11-30", null).queryString())
        .isEqualTo("actor=a+b&id=7&from=2026-11-30");
  }
}

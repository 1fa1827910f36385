package com.consultchat.web.admin.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.audit.boundary.AuditEntry;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  private static String csv(AuditEntry... entries) {
    StringWriter out = new StringWriter();
    AuditCsv.write(List.of(entries), out);
    return out.toString();
  }

  private static AuditEntry entry(String username, String detail, String address) {
    return new AuditEntry(
        7,
        Instant.parse("2026-11-30T06:00:00Z"),
        username,
        "ADMIN",
        true,
        "AUDIT_LOG_EXPORTED",
        "Exported the audit log",
        "AUDIT_LOG",
        null,
        detail,
        address);
  }

  @Test
  void aHeaderThenOneLinePerEntryWithTheActionInWords() {
    assertThat(csv(entry("admin", "rows=3", "127.0.0.1")))
        .isEqualTo(
            String.join(",", AuditCsv.HEADER)
                + "\r\n"
                + "7,2026-11-30T06:00:00Z,admin,ADMIN,yes,Exported the audit log,"
                + "AUDIT_LOG_EXPORTED,AUDIT_LOG,,rows=3,127.0.0.1\r\n");
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(csv(entry("a", "one, \"two\"\nthree", null)))
        .contains(",\"one, \"\"two\"\"\nthree\",\r\n");
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
    assertThat(AuditCsv.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(AuditCsv.safe("+1")).isEqualTo("'+1");
    assertThat(AuditCsv.safe("-1+2")).isEqualTo("'-1+2");
    assertThat(AuditCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.safe("\t=1")).isEqualTo("'\t=1");
    assertThat(AuditCsv.safe("admin")).isEqualTo("admin");
    assertThat(csv(entry("=cmd|' /C calc'!A0", null, null))).contains(",'=cmd|' /C calc'!A0,");
  }
}

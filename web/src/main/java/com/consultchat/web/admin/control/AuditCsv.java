package com.consultchat.web.admin.control;

import com.consultchat.audit.boundary.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit log as CSV (RFC 4180: commas, quotes doubled, CRLF), one row per entry with the action
 * in words and its code. A cell a spreadsheet would take for a formula (starting with =, +, -, @,
 * or a tab or carriage return that hides one) gets a leading apostrophe, so opening the file never
 * runs anything a username or an address smuggled in.
 */
public final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "id",
          "time (UTC)",
          "username",
          "role",
          "administrator access",
          "action",
          "action code",
          "object",
          "object id",
          "detail",
          "address");

  private AuditCsv() {}

  public static void write(List<AuditEntry> entries, Writer out) {
    try (CSVPrinter printer =
        CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out)) {
      for (AuditEntry e : entries) {
        printer.printRecord(
            e.id(),
            e.occurredAt().toString(),
            safe(e.actorUsername()),
            safe(e.actorRole()),
            e.adminAccess() ? "yes" : "no",
            safe(e.actionLabel()),
            safe(e.action()),
            safe(e.targetType()),
            e.targetId() == null ? "" : e.targetId(),
            safe(e.detail()),
            safe(e.clientAddress()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }
}

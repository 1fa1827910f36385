package com.consultchat.web.admin.control;

import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditFilter;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.platform.boundary.Refused;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The audit log's filter as the page's GET form and the export's link carry it: the person (a
 * username), an object (its kind and id), an action and a range of days in the clinic's time zone,
 * both days included. Each part may be empty; one that cannot be read is refused with what is
 * wrong, rather than quietly widening or narrowing the log.
 */
public record AuditQuery(
    String actor, String object, String id, String action, String from, String to) {

  public AuditFilter filter(ZoneId zone) {
    LocalDate firstDay = day(from, "audit.filter.first.day");
    LocalDate lastDay = day(to, "audit.filter.last.day");
    if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
      throw Refused.invalid("audit.filter.order");
    }
    return new AuditFilter(
        actor,
        named(AuditTarget.class, object, "audit.filter.object"),
        number(id),
        named(AuditAction.class, action, "audit.filter.action"),
        firstDay == null ? null : firstDay.atStartOfDay(zone).toInstant(),
        lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** The non-empty parts as a URL query (without the leading "?"), for links to the same view. */
  public String queryString() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("actor", actor);
    parts.put("object", object);
    parts.put("id", id);
    parts.put("action", action);
    parts.put("from", from);
    parts.put("to", to);
    StringJoiner query = new StringJoiner("&");
    parts.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  private static boolean empty(String raw) {
    return raw == null || raw.isBlank();
  }

  private static LocalDate day(String raw, String which) {
    if (empty(raw)) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeException e) {
      throw Refused.invalid(which);
    }
  }

  private static Long number(String raw) {
    if (empty(raw)) {
      return null;
    }
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw Refused.invalid("audit.filter.id");
    }
  }

  private static <E extends Enum<E>> E named(Class<E> type, String raw, String unknown) {
    if (empty(raw)) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refused.invalid(unknown);
    }
  }
}

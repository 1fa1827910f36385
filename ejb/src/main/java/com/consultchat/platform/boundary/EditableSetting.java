package com.consultchat.platform.boundary;

import java.util.List;
import java.util.Optional;

/**
 * A setting an administrator may change while the application runs. Its environment variable or
 * system property stays its default, to which it can be reset. What the database, the server or the
 * login need before anything else runs (addresses, ports, the first administrator, key derivation)
 * is never editable: a wrong value there could not be corrected from the page it would break.
 *
 * <p>Numbers are checked against their range here; text settings whose format a feature knows (the
 * opening hours) are checked by that feature as well.
 */
public record EditableSetting(
    String name, Type type, String group, String label, String unit, int min, int max) {

  /** How a value is written and checked. */
  public enum Type {
    NUMBER,
    SWITCH,
    TEXT
  }

  /** The longest text value stored. */
  public static final int TEXT_MAX = 2000;

  static EditableSetting number(
      String name, String group, String label, String unit, int min, int max) {
    return new EditableSetting(name, Type.NUMBER, group, label, unit, min, max);
  }

  static EditableSetting toggle(String name, String group, String label) {
    return new EditableSetting(name, Type.SWITCH, group, label, "", 0, 1);
  }

  /** Text that must not be empty ({@code min} 1). */
  static EditableSetting text(String name, String group, String label) {
    return new EditableSetting(name, Type.TEXT, group, label, "", 1, TEXT_MAX);
  }

  static EditableSetting optionalText(String name, String group, String label) {
    return new EditableSetting(name, Type.TEXT, group, label, "", 0, TEXT_MAX);
  }

  /** The environment variable that gives the default, as the README lists it. */
  public String environmentVariable() {
    return name.toUpperCase().replace('.', '_');
  }

  /**
   * The value as it will be stored (trimmed; switches as {@code true}/{@code false}), or empty with
   * {@link #problem} saying why not.
   */
  public Optional<String> normalise(String raw) {
    return problem(raw).isPresent() ? Optional.empty() : Optional.of(normalised(raw));
  }

  /**
   * What is wrong with a value, as a refusal's key (under {@code refused.}), empty when it is
   * acceptable; {@link #refusal} gives it with its arguments.
   */
  public Optional<String> problem(String raw) {
    return refusal(raw).map(Refused::getMessage);
  }

  /**
   * Why a value is refused, empty when it is acceptable. The key is {@code setting.…}; its
   * arguments are the setting's name (which the web layer shows as its label), then the range and,
   * for a number out of range, the unit and the value given.
   */
  public Optional<Refused> refusal(String raw) {
    String value = raw == null ? "" : raw.strip();
    switch (type) {
      case NUMBER -> {
        if (value.isEmpty()) {
          return Optional.of(Refused.invalid("setting.number.missing", name, min, max));
        }
        try {
          long number = Long.parseLong(value);
          if (number < min || number > max) {
            return Optional.of(
                Refused.invalid(
                    unit.isEmpty() ? "setting.number.range" : "setting.number.range.unit",
                    name,
                    min,
                    max,
                    unit,
                    value));
          }
        } catch (NumberFormatException e) {
          return Optional.of(Refused.invalid("setting.number.whole", name, min, max));
        }
      }
      case SWITCH -> {
        if (!List.of("true", "false").contains(value.toLowerCase())) {
          return Optional.of(Refused.invalid("setting.switch", name));
        }
      }
      case TEXT -> {
        if (value.isEmpty() && min > 0) {
          return Optional.of(Refused.invalid("setting.text.missing", name));
        }
        if (value.length() > max) {
          return Optional.of(Refused.invalid("setting.text.long", name, max));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
          return Optional.of(Refused.invalid("setting.text.line", name));
        }
      }
    }
    return Optional.empty();
  }

  private String normalised(String raw) {
    String value = raw == null ? "" : raw.strip();
    return switch (type) {
      case NUMBER -> Long.toString(Long.parseLong(value));
      case SWITCH -> value.toLowerCase();
      case TEXT -> value;
    };
  }
}

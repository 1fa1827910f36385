package com.consultchat.setting.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.platform.boundary.EditableSetting;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.SettingChanged;
import com.consultchat.platform.boundary.SettingOverrides;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.safety.boundary.ClinicHours;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Administrators change the settings that may change at run time. Each value is checked (its range,
 * and its format where a feature knows it), stored, audited with the old and the new value, and in
 * force as soon as the change commits; resetting removes the stored value, so the environment's (or
 * the built-in) default applies again.
 */
@Stateless
public class RuntimeSettings {

  private static final int SHOWN = 200;

  @Inject Settings settings;
  @Inject SettingOverrides overrides;
  @Inject ClinicHours clinicHours;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<SettingChanged> changed;

  public List<SettingItem> all(Caller caller) {
    requireAdmin(caller);
    return Settings.editable().stream()
        .map(
            setting ->
                new SettingItem(
                    setting,
                    settings.current(setting),
                    settings.fallback(setting),
                    overrides.get(setting.name()) != null))
        .toList();
  }

  /** Stores a new value; refused, with what is wrong, when it is not acceptable. */
  public SettingItem change(Caller caller, String name, String raw) {
    requireAdmin(caller);
    EditableSetting setting = setting(name);
    Optional<Refused> problem =
        setting
            .refusal(raw)
            .or(
                () ->
                    clinicHours
                        .problem(name, raw == null ? "" : raw.strip())
                        .map(schedule -> Refused.invalid("setting.schedule", name, schedule)));
    if (problem.isPresent()) {
      throw problem.get();
    }
    String value = setting.normalise(raw).orElseThrow();
    // Read from the table and locked, not from the cached copy, so that two administrators'
    // changes are audited in order, each with the value it replaced.
    String stored = overrides.stored(name);
    String old = stored != null ? stored : settings.fallback(setting);
    overrides.store(name, value, caller.id(), clock.instant());
    record(caller, name, old, value);
    changed.fire(new SettingChanged(name));
    return new SettingItem(setting, value, settings.fallback(setting), true);
  }

  /** Removes the stored value: the default from the environment or the built-in one applies. */
  public SettingItem reset(Caller caller, String name) {
    requireAdmin(caller);
    EditableSetting setting = setting(name);
    String stored = overrides.stored(name);
    String fallback = settings.fallback(setting);
    if (stored != null && overrides.remove(name)) {
      record(caller, name, stored, fallback + " (default)");
      changed.fire(new SettingChanged(name));
    }
    return new SettingItem(setting, fallback, fallback, false);
  }

  private void record(Caller caller, String name, String old, String value) {
    audit.record(
        caller,
        true,
        AuditAction.SETTING_CHANGED,
        AuditTarget.SETTING,
        null,
        name + ": " + shown(old) + " \u2192 " + shown(value));
  }

  private static String shown(String value) {
    return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "\u2026";
  }

  private static EditableSetting setting(String name) {
    return Settings.editable(name).orElseThrow(() -> Refused.notFound("setting.not.found"));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("setting.forbidden");
    }
  }
}

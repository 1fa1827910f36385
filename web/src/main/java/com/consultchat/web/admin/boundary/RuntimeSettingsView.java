package com.consultchat.web.admin.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.setting.boundary.RuntimeSettings;
import com.consultchat.setting.boundary.SettingItem;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings page: each run-time setting in its own small form, saved or reset to its default one
 * at a time, so a mistake in one never loses the others.
 */
@Named
@RequestScoped
public class RuntimeSettingsView {

  private static final String PAGE = "/admin/settings.xhtml";

  @Inject RuntimeSettings settings;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private final Map<String, String> values = new HashMap<>();
  private Map<String, List<SettingItem>> groups;

  /** The settings by group, in the order the catalogue gives. */
  public Map<String, List<SettingItem>> getGroups() {
    if (groups == null) {
      groups =
          settings.all(currentUser.caller()).stream()
              .collect(
                  Collectors.groupingBy(
                      item -> item.setting().group(), LinkedHashMap::new, Collectors.toList()));
      groups.values().stream()
          .flatMap(List::stream)
          .forEach(item -> values.putIfAbsent(item.setting().name(), item.value()));
    }
    return groups;
  }

  public List<String> getGroupNames() {
    return List.copyOf(getGroups().keySet());
  }

  /** What each form shows and receives, by setting name. */
  public Map<String, String> getValues() {
    return values;
  }

  public void save(String name) throws IOException {
    try {
      SettingItem saved = settings.change(currentUser.caller(), name, values.get(name));
      Feedback.info(text.format("admin.settings.saved", label(saved), shown(saved)));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      refused(refused);
    }
  }

  public void reset(String name) throws IOException {
    try {
      SettingItem reset = settings.reset(currentUser.caller(), name);
      Feedback.info(text.format("admin.settings.back", label(reset), shown(reset)));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      refused(refused);
      Pages.redirect(PAGE);
    }
  }

  /** A value in words: switches as on or off, numbers with their unit. */
  public String shown(SettingItem item) {
    return shown(item, item.value());
  }

  public String shownDefault(SettingItem item) {
    return shown(item, item.fallback());
  }

  /** A setting's name in the page's language. */
  public String label(SettingItem item) {
    return label(item.setting().name());
  }

  /** A group of settings' name in the page's language. */
  public String groupLabel(String group) {
    return text.get("setting.group." + group.toLowerCase(Locale.ROOT).replace(' ', '-'));
  }

  /** A number's unit in the page's language, empty when it has none. */
  public String unit(SettingItem item) {
    return unit(item.setting().unit());
  }

  private String label(String name) {
    return text.get("setting." + name);
  }

  private String unit(String unit) {
    return unit.isEmpty() ? "" : text.get("setting.unit." + unit.toLowerCase(Locale.ROOT));
  }

  private String shown(SettingItem item, String value) {
    return switch (item.setting().type()) {
      case SWITCH -> text.get(Boolean.parseBoolean(value) ? "setting.on" : "setting.off");
      case NUMBER -> item.setting().unit().isEmpty() ? value : value + " " + unit(item);
      case TEXT -> value.isEmpty() ? text.get("setting.none") : value;
    };
  }

  /**
   * A setting's refusal in the page's language: its first argument, the setting's name, becomes its
   * label, and a unit its word.
   */
  private void refused(Refused refused) {
    Object[] arguments = refused.arguments();
    if (refused.getMessage().startsWith("setting.") && arguments.length > 0) {
      arguments[0] = label(String.valueOf(arguments[0]));
      if (arguments.length > 3 && arguments[3] instanceof String unit) {
        arguments[3] = unit(unit);
      }
    }
    Feedback.refused(new Refused(refused.reason(), refused.getMessage(), arguments));
  }
}

package com.consultchat.web.admin.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.setting.boundary.RuntimeSettings;
import com.consultchat.setting.boundary.SettingItem;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
      Feedback.info(saved.setting().label() + " is now " + shown(saved) + ".");
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
    }
  }

  public void reset(String name) throws IOException {
    try {
      SettingItem reset = settings.reset(currentUser.caller(), name);
      Feedback.info(reset.setting().label() + " is back to its default, " + shown(reset) + ".");
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
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

  private static String shown(SettingItem item, String value) {
    return switch (item.setting().type()) {
      case SWITCH -> Boolean.parseBoolean(value) ? "on" : "off";
      case NUMBER -> item.setting().unit().isEmpty() ? value : value + " " + item.setting().unit();
      case TEXT -> value.isEmpty() ? "none" : value;
    };
  }
}

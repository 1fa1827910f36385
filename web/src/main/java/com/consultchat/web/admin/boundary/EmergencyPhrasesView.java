package com.consultchat.web.admin.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.safety.boundary.EmergencyPhrases;
import com.consultchat.safety.boundary.PhraseItem;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Administrators keep the list of emergency phrases, per language. */
@Named
@RequestScoped
public class EmergencyPhrasesView {

  private static final String PAGE = "/admin/phrases.xhtml";

  @Inject EmergencyPhrases phrases;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String language = "en";
  private String phrase;
  private Map<String, List<PhraseItem>> byLanguage;

  /** The phrases grouped by language, languages in alphabetical order. */
  public Map<String, List<PhraseItem>> getByLanguage() {
    if (byLanguage == null) {
      byLanguage =
          phrases.all(currentUser.caller()).stream()
              .collect(
                  Collectors.groupingBy(PhraseItem::language, TreeMap::new, Collectors.toList()));
    }
    return byLanguage;
  }

  public List<String> getLanguages() {
    return List.copyOf(getByLanguage().keySet());
  }

  public void add() throws IOException {
    try {
      PhraseItem added = phrases.add(currentUser.caller(), language, phrase);
      Feedback.info(text.format("admin.phrases.added", added.phrase(), added.language()));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void remove(long id) throws IOException {
    try {
      phrases.remove(currentUser.caller(), id);
      Feedback.info(text.format("admin.phrases.removed"));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
      Pages.redirect(PAGE);
    }
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getPhrase() {
    return phrase;
  }

  public void setPhrase(String phrase) {
    this.phrase = phrase;
  }
}

package com.consultchat.safety.entity;

import com.consultchat.platform.boundary.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A phrase that means a patient may be in danger now, in one language. */
@Entity
@Table(name = "emergency_phrase")
@NamedQuery(
    name = EmergencyPhrase.ALL,
    query = "select p from EmergencyPhrase p order by p.language, lower(p.phrase)")
@NamedQuery(
    name = EmergencyPhrase.SAME,
    query =
        "select count(p) from EmergencyPhrase p where p.language = :language"
            + " and lower(p.phrase) = lower(:phrase)")
public class EmergencyPhrase {

  public static final String ALL = "EmergencyPhrase.all";
  public static final String SAME = "EmergencyPhrase.same";
  public static final int PHRASE_MAX = 200;

  @Id
  @SequenceGenerator(
      name = "emergency_phrase_seq",
      sequenceName = "emergency_phrase_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "emergency_phrase_seq")
  private Long id;

  private String language;

  private String phrase;

  @Column(name = "created_at")
  private Instant createdAt;

  protected EmergencyPhrase() {}

  public EmergencyPhrase(String language, String phrase, Instant now) {
    this.language = checkLanguage(language);
    this.phrase = checkPhrase(phrase);
    this.createdAt = now;
  }

  /** A language code such as {@code en} or {@code pt-BR}. */
  public static String checkLanguage(String raw) {
    String language = raw == null ? "" : raw.strip();
    if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?")) {
      throw Refused.invalid("phrase.language.unreadable");
    }
    return language.toLowerCase(Locale.ROOT);
  }

  public static String checkPhrase(String raw) {
    String phrase = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (phrase.codePoints().filter(Character::isLetter).count() < 3) {
      throw Refused.invalid("phrase.too-short");
    }
    if (phrase.length() > PHRASE_MAX) {
      throw Refused.invalid("phrase.too-long", PHRASE_MAX);
    }
    return phrase;
  }

  public Long id() {
    return id;
  }

  public String language() {
    return language;
  }

  public String phrase() {
    return phrase;
  }
}

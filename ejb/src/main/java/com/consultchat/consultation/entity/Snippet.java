package com.consultchat.consultation.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
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
import java.util.regex.Pattern;

/**
 * A text a member of staff keeps to insert into chats: called up by its title from a menu or by
 * typing its shortcut after a slash. It belongs to one person only; nobody else reads or changes
 * it. The limits below are repeated as CHECKs in the table.
 */
@Entity
@Table(name = "canned_response")
@NamedQuery(
    name = Snippet.OF_OWNER,
    query = "select c from Snippet c where c.ownerId = :owner order by c.shortcut")
@NamedQuery(
    name = Snippet.COUNT_OF_OWNER,
    query = "select count(c) from Snippet c where c.ownerId = :owner")
@NamedQuery(
    name = Snippet.BY_SHORTCUT,
    query = "select c from Snippet c where c.ownerId = :owner and c.shortcut = :shortcut")
public class Snippet {

  public static final String OF_OWNER = "Snippet.ofOwner";
  public static final String COUNT_OF_OWNER = "Snippet.countOfOwner";
  public static final String BY_SHORTCUT = "Snippet.byShortcut";

  public static final int TITLE_MAX = 80;
  public static final int SHORTCUT_MAX = 24;
  public static final int BODY_MAX = 2000;

  private static final Pattern SHORTCUT =
      Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (SHORTCUT_MAX - 1) + "}");

  @Id
  @SequenceGenerator(
      name = "canned_response_seq",
      sequenceName = "canned_response_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canned_response_seq")
  private Long id;

  @Column(name = "owner_id")
  private long ownerId;

  private String title;
  private String shortcut;
  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Snippet() {}

  public Snippet(long ownerId, String title, String shortcut, String body, Instant now) {
    this.ownerId = ownerId;
    this.createdAt = now;
    revise(title, shortcut, body, now);
  }

  /** Replaces all three texts at once, so a refused change leaves the snippet as it was. */
  public void revise(String title, String shortcut, String body, Instant now) {
    String checkedTitle = checkedTitle(title);
    String checkedShortcut = normalizedShortcut(shortcut);
    String checkedBody = checkedBody(body);
    this.title = checkedTitle;
    this.shortcut = checkedShortcut;
    this.body = checkedBody;
    this.updatedAt = now;
  }

  /**
   * The shortcut as stored: lower case, without the slash people type in front of it in the chat.
   * Refuses what the chat could not recognise as one word.
   */
  public static String normalizedShortcut(String shortcut) {
    String word = shortcut == null ? "" : StorableText.check(shortcut).strip();
    if (word.startsWith("/")) {
      word = word.substring(1);
    }
    word = word.toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      throw Refused.invalid("snippet.shortcut.missing");
    }
    if (word.length() > SHORTCUT_MAX) {
      throw Refused.invalid("snippet.shortcut.too-long", SHORTCUT_MAX);
    }
    if (!SHORTCUT.matcher(word).matches()) {
      throw Refused.invalid("snippet.shortcut.unreadable");
    }
    return word;
  }

  private static String checkedTitle(String title) {
    // A title is one line in a menu: runs of spaces and line breaks become one space.
    String text = title == null ? "" : StorableText.check(title).strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      throw Refused.invalid("snippet.title.missing");
    }
    if (text.codePointCount(0, text.length()) > TITLE_MAX) {
      throw Refused.invalid("snippet.title.too-long", TITLE_MAX);
    }
    return text;
  }

  private static String checkedBody(String body) {
    String text = body == null ? "" : StorableText.check(body).strip();
    if (text.isEmpty()) {
      throw Refused.invalid("snippet.body.missing");
    }
    if (text.codePointCount(0, text.length()) > BODY_MAX) {
      throw Refused.invalid("snippet.body.too-long", BODY_MAX);
    }
    return text;
  }

  public boolean isOwnedBy(long accountId) {
    return ownerId == accountId;
  }

  public Long id() {
    return id;
  }

  public long ownerId() {
    return ownerId;
  }

  public String title() {
    return title;
  }

  public String shortcut() {
    return shortcut;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

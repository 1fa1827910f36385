package com.consultchat.room.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A focus group: a room where patients with the same condition talk, run by clinic staff. An
 * archived room stays readable for its members but takes no more posts or members.
 */
@Entity
@Table(name = "focus_group")
@NamedQuery(
    name = Room.ALL,
    query = "select g from Room g order by g.archivedAt nulls first, lower(g.topic), g.name")
@NamedQuery(
    name = Room.BY_CONVERSATION,
    query = "select g from Room g where g.conversationId = :conversation")
public class Room {

  public static final String ALL = "Room.all";
  public static final String BY_CONVERSATION = "Room.byConversation";

  public static final int NAME_MAX = 120;
  public static final int TOPIC_MAX = 80;
  public static final int DESCRIPTION_MAX = 2000;

  @Id
  @SequenceGenerator(
      name = "focus_group_seq",
      sequenceName = "focus_group_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "focus_group_seq")
  private Long id;

  @Column(name = "conversation_id")
  private long conversationId;

  private String name;
  private String topic;
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "join_policy")
  private JoinPolicy joinPolicy;

  @Column(name = "hold_for_review")
  private boolean holdForReview;

  @Column(name = "created_by")
  private long createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "archived_at")
  private Instant archivedAt;

  @Version private long version;

  protected Room() {}

  public Room(
      long conversationId,
      String name,
      String topic,
      String description,
      JoinPolicy joinPolicy,
      boolean holdForReview,
      long createdBy,
      Instant now) {
    this.conversationId = conversationId;
    this.name = required(name, "room.name", NAME_MAX);
    this.topic = required(topic, "room.topic", TOPIC_MAX);
    this.description = description == null ? "" : StorableText.check(description).strip();
    if (this.description.length() > DESCRIPTION_MAX) {
      throw Refused.invalid("room.description-too-long", DESCRIPTION_MAX);
    }
    if (joinPolicy == null) {
      throw Refused.invalid("room.open-or-approval");
    }
    this.joinPolicy = joinPolicy;
    this.holdForReview = holdForReview;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** An administrator's correction of what the directory shows; the same rules as at creation. */
  public void edit(String name, String topic, String description) {
    String checkedDescription = description == null ? "" : StorableText.check(description).strip();
    if (checkedDescription.length() > DESCRIPTION_MAX) {
      throw Refused.invalid("room.description-too-long", DESCRIPTION_MAX);
    }
    this.name = required(name, "room.name", NAME_MAX);
    this.topic = required(topic, "room.topic", TOPIC_MAX);
    this.description = checkedDescription;
  }

  /** Read-only from now on; archiving twice changes nothing. */
  public void archive(Instant now) {
    if (archivedAt == null) {
      archivedAt = now;
    }
  }

  public void holdForReview(boolean hold) {
    requireOpen();
    this.holdForReview = hold;
  }

  public void requireOpen() {
    if (archivedAt != null) {
      throw Refused.conflict("room.archived");
    }
  }

  /** {@code what}: the field's refusals start with it ({@code room.name-needed}…). */
  private static String required(String value, String what, int max) {
    String stripped = value == null ? "" : StorableText.check(value).strip();
    if (stripped.isEmpty()) {
      throw Refused.invalid(what + "-needed");
    }
    if (stripped.length() > max) {
      throw Refused.invalid(what + "-too-long", max);
    }
    return stripped;
  }

  public Long id() {
    return id;
  }

  public long conversationId() {
    return conversationId;
  }

  public String name() {
    return name;
  }

  public String topic() {
    return topic;
  }

  public String description() {
    return description;
  }

  public JoinPolicy joinPolicy() {
    return joinPolicy;
  }

  public boolean holdsForReview() {
    return holdForReview;
  }

  public boolean isArchived() {
    return archivedAt != null;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

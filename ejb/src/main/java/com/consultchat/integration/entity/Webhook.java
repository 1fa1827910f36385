package com.consultchat.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "webhook")
@NamedQuery(
    name = Webhook.ACTIVE,
    query = "select w from Webhook w where w.removedAt is null order by w.createdAt desc")
public class Webhook {

  public static final String ACTIVE = "Webhook.active";

  @Id
  @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
  private Long id;

  private String url;

  /** The events' wire names, separated by spaces. */
  private String events;

  private String secret;

  @Column(name = "created_by")
  private long createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  protected Webhook() {}

  public Webhook(String url, String events, String secret, long createdBy, Instant createdAt) {
    this.url = url;
    this.events = events;
    this.secret = secret;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public long id() {
    return id;
  }

  public String url() {
    return url;
  }

  public String events() {
    return events;
  }

  public String secret() {
    return secret;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void remove(Instant at) {
    if (removedAt == null) {
      removedAt = at;
    }
  }
}

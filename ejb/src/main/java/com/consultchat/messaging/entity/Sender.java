package com.consultchat.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The person behind a message, as messaging knows them: messaging's own read-only view of the
 * account row, so it names senders without reaching into the account feature. It is never persisted
 * or changed here; accounts are the account feature's to write.
 */
@Entity
@Table(name = "account")
public class Sender {

  @Id
  @Column(insertable = false, updatable = false)
  private Long id;

  @Column(name = "display_name", insertable = false, updatable = false)
  private String displayName;

  protected Sender() {}

  /** For this package's tests; the application gets senders from the entity manager. */
  Sender(long id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public Long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }
}

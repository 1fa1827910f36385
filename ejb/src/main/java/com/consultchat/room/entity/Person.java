package com.consultchat.room.entity;

import com.consultchat.account.boundary.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Someone a room refers to, as the room knows them: its own read-only view of the account row
 * (their name, whether they are staff), so it does not reach into the account feature. It is never
 * persisted or changed here. Entity names are shared by the whole persistence unit, hence the
 * room's own.
 */
@Entity(name = "RoomPerson")
@Table(name = "account")
public class Person {

  @Id
  @Column(insertable = false, updatable = false)
  private Long id;

  @Column(name = "display_name", insertable = false, updatable = false)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(insertable = false, updatable = false)
  private Role role;

  protected Person() {}

  public Long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** Staff and administrators, who go by their own name in a room and moderate it. */
  public boolean isStaff() {
    return role == Role.STAFF || role == Role.ADMIN;
  }
}

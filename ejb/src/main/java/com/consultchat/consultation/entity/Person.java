package com.consultchat.consultation.entity;

import com.consultchat.account.boundary.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Someone a consultation refers to (its patient, its specialist, whoever hands it over), as this
 * feature sees them: a read-only view of the columns it needs from the account feature's table. The
 * account feature alone writes those rows; nothing here can insert or change one.
 *
 * <p>The entity name is the feature's own, so that another feature's view of the same table never
 * shares it.
 */
@Entity(name = "ConsultationPerson")
@Table(name = "account")
@NamedQuery(
    name = Person.ACTIVE_STAFF,
    query =
        "select p from ConsultationPerson p where p.role = com.consultchat.account.boundary.Role.STAFF"
            + " and p.status = '"
            + Person.ACTIVE
            + "' order by p.displayName")
public class Person {

  public static final String ACTIVE_STAFF = "ConsultationPerson.activeStaff";

  /** The account feature stores its status by name; this is the one of people who may work. */
  static final String ACTIVE = "ACTIVE";

  @Id
  @Column(insertable = false, updatable = false)
  private Long id;

  @Column(name = "display_name", insertable = false, updatable = false)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(insertable = false, updatable = false)
  private Role role;

  @Column(insertable = false, updatable = false)
  private String status;

  protected Person() {}

  /** Only for tests of the rules: the rows themselves are the account feature's. */
  Person(long id, String displayName, Role role, boolean active) {
    this.id = id;
    this.displayName = displayName;
    this.role = role;
    this.status = active ? ACTIVE : "DISABLED";
  }

  public Long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Role role() {
    return role;
  }

  /** Staff and administrators both work with patients' requests. */
  public boolean isStaff() {
    return role == Role.STAFF || role == Role.ADMIN;
  }

  public boolean isActive() {
    return ACTIVE.equals(status);
  }
}

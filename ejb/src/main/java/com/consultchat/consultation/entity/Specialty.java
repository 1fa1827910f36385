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
import java.time.Instant;

/** A field of medicine that routes requests to the staff who practise it. */
@Entity
@NamedQuery(name = Specialty.ALL, query = "select s from Specialty s order by lower(s.name)")
@NamedQuery(
    name = Specialty.BY_NAME,
    query = "select s from Specialty s where lower(s.name) = lower(:name)")
public class Specialty {

  public static final String ALL = "Specialty.all";
  public static final String BY_NAME = "Specialty.byName";
  public static final int NAME_MAX = 80;

  @Id
  @SequenceGenerator(name = "specialty_seq", sequenceName = "specialty_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "specialty_seq")
  private Long id;

  private String name;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Specialty() {}

  public Specialty(String name, Instant now) {
    this.name = checkName(name);
    this.createdAt = now;
  }

  public static String checkName(String raw) {
    String name = raw == null ? "" : StorableText.check(raw).strip().replaceAll("\\s+", " ");
    if (name.length() < 2) {
      throw Refused.invalid("specialty.name.too-short");
    }
    if (name.length() > NAME_MAX) {
      throw Refused.invalid("specialty.name.too-long", NAME_MAX);
    }
    return name;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }
}

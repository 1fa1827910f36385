package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.Specialty;
import java.io.Serializable;

/** A specialty as forms and lists show it. */
public record SpecialtyRef(long id, String name) implements Serializable {

  /** The id as form values carry it. */
  public String key() {
    return String.valueOf(id);
  }

  static SpecialtyRef of(Specialty specialty) {
    return new SpecialtyRef(specialty.id(), specialty.name());
  }
}

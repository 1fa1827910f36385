package com.consultchat.consultation.boundary;

import java.io.Serializable;
import java.util.List;

/** A member of staff a consultation can be handed to, and what they practise. */
public record StaffMember(long id, String displayName, List<String> specialties)
    implements Serializable {

  public String label() {
    return specialties.isEmpty()
        ? displayName
        : displayName + " (" + String.join(", ", specialties) + ")";
  }
}

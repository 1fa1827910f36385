package com.consultchat.attachment.boundary;

import com.consultchat.platform.boundary.Refused;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a file is to the clinic. The sender picks it when sending (else it follows from the detected
 * type); the sender or the conversation's staff may change it afterwards. Stored by name.
 */
public enum ClinicalKind {
  CERTIFICATE("Certificate"),
  LAB_RESULT("Lab result"),
  PRESCRIPTION("Prescription"),
  REFERRAL("Referral"),
  IMAGE("Image"),
  AUDIO("Audio"),
  OTHER("Other");

  private final String label;

  ClinicalKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind a file of this detected type gets when its sender names none. */
  public static ClinicalKind defaultFor(String mediaType) {
    if (mediaType != null && mediaType.startsWith("image/")) {
      return IMAGE;
    }
    if (mediaType != null && mediaType.startsWith("audio/")) {
      return AUDIO;
    }
    return OTHER;
  }

  /** The kind a client names; refused, naming the allowed ones, if it is none of them. */
  public static ClinicalKind parse(String raw) {
    if (raw != null) {
      String name = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
      for (ClinicalKind kind : values()) {
        if (kind.name().equals(name)) {
          return kind;
        }
      }
    }
    throw Refused.invalid("file.kind.unknown");
  }

  /** The label of a stored kind's name; "Other" for one this version does not know. */
  public static String labelOf(String name) {
    return Arrays.stream(values())
        .filter(kind -> kind.name().equals(name))
        .findFirst()
        .orElse(OTHER)
        .label;
  }
}

package com.consultchat.attachment.boundary;

/**
 * What comes with a file's bytes: the client's id for it (a resend with the same id never stores a
 * second copy), the name as the sender's device gave it (sanitised before anyone sees it), an
 * optional caption, the length the request declared (-1 when it declared none), and the clinical
 * kind the sender chose ({@link ClinicalKind} by name; null or blank: from the detected type).
 */
public record Upload(
    String clientId, String name, String caption, long declaredLength, String kind) {

  /** The chosen kind, checked before any byte is read; empty when the sender chose none. */
  java.util.Optional<ClinicalKind> chosenKind() {
    return kind == null || kind.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(ClinicalKind.parse(kind));
  }
}

package com.consultchat.web.consultation.control;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;

/** References between the entries of one bundle, which are named by {@code urn:uuid}s. */
final class FhirRefs {

  private FhirRefs() {}

  /** A name-based UUID: the same text gives the same UUID, on every server and every day. */
  static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static Reference to(String type, String uuid) {
    return new Reference("urn:uuid:" + uuid).setType(type);
  }
}

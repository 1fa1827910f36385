package com.consultchat.web.consultation.control;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Bundles written as FHIR JSON by HAPI's parser. One R4 context serves the whole application: it is
 * safe to share, and building one reads the resource definitions, so it is built once, at the first
 * export, and never on the chat's path.
 */
public final class FhirJson {

  /** The media type of FHIR JSON. */
  public static final String MEDIA_TYPE = "application/fhir+json";

  private FhirJson() {}

  public static String write(Bundle bundle) {
    return FhirContext.forR4Cached()
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(bundle);
  }
}

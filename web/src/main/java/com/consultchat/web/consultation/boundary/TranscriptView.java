package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.consultation.boundary.Transcripts;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.consultation.control.TranscriptPdf;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The printable transcript of one consultation. The page has no forms, so each GET reads (and
 * audits) the transcript exactly once; anyone who may not read it gets the 404 of an unknown id.
 */
@Named
@RequestScoped
public class TranscriptView {

  @Inject Transcripts transcripts;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String id;
  private Transcript transcript;

  public void load() throws IOException {
    try {
      transcript = transcripts.view(currentUser.caller(), parsedId());
    } catch (Refused refused) {
      Pages.notFound(refused);
    }
  }

  private long parsedId() {
    return Pages.id(id, Transcripts.NOT_YOURS);
  }

  /** A file's clinical kind in the page's language. */
  public String kind(String label) {
    String key = TranscriptPdf.kindKey(label);
    return key == null ? label : text.get(key);
  }

  public Transcript getTranscript() {
    return transcript;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}

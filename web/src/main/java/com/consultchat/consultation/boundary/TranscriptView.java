package com.consultchat.consultation.boundary;

import com.consultchat.platform.boundary.CurrentUser;
import com.consultchat.platform.entity.Refused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
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

  private String id;
  private Transcript transcript;

  public void load() throws IOException {
    try {
      transcript = transcripts.view(currentUser.caller(), parsedId());
    } catch (Refused refused) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces
          .getExternalContext()
          .responseSendError(HttpServletResponse.SC_NOT_FOUND, refused.getMessage());
      faces.responseComplete();
    }
  }

  private long parsedId() {
    try {
      return Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw Refused.notFound(Transcripts.NOT_YOURS);
    }
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

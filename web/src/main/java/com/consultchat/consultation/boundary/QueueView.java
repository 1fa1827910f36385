package com.consultchat.consultation.boundary;

import com.consultchat.platform.boundary.CurrentUser;
import com.consultchat.platform.boundary.Feedback;
import com.consultchat.platform.boundary.Pages;
import com.consultchat.platform.entity.Refused;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** The staff queue of waiting requests and the consultations this staff member is working on. */
@Named
@ViewScoped
public class QueueView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject Transcripts transcripts;

  private List<ConsultationSummary> waiting;
  private List<ConsultationSummary> mine;
  private List<ConsultationSummary> closed;

  public List<ConsultationSummary> getWaiting() {
    if (waiting == null) {
      waiting = consultations.waiting(currentUser.caller());
    }
    return waiting;
  }

  public List<ConsultationSummary> getMine() {
    if (mine == null) {
      mine = consultations.mine(currentUser.caller());
    }
    return mine;
  }

  /** Closed consultations this member of staff held, whose transcripts they can open. */
  public List<ConsultationSummary> getClosed() {
    if (closed == null) {
      closed = transcripts.recentlyClosed(currentUser.caller());
    }
    return closed;
  }

  public void take(long consultationId) throws IOException {
    try {
      consultations.take(currentUser.caller(), consultationId);
      Pages.redirect("/consultation/chat.xhtml?id=" + consultationId);
    } catch (Refused refused) {
      Feedback.error(refused.getMessage());
      refresh();
    }
  }

  /** Called by the page when the socket says the queue changed. */
  public void refresh() {
    waiting = null;
    mine = null;
    closed = null;
  }
}

package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationQueue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * How long a new request is likely to wait, in words, for the pages where patients ask and wait.
 */
@Named("queueWait")
@RequestScoped
public class QueueWaitView {

  @Inject ConsultationQueue queue;

  private String estimate;
  private boolean asked;

  /** "about 5 minutes", or null when there are too few recent requests to say. */
  public String getEstimate() {
    if (!asked) {
      asked = true;
      estimate = queue.estimate().orElse(null);
    }
    return estimate;
  }
}

package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages for the person at the screen; they survive the redirect that follows a POST. */
public final class Feedback {

  private Feedback() {}

  public static void error(String message) {
    add(FacesMessage.SEVERITY_ERROR, message);
  }

  public static void info(String message) {
    add(FacesMessage.SEVERITY_INFO, message);
  }

  /** A refusal, in the page's language. */
  public static void refused(Refused refused) {
    error(CDI.current().select(PageText.class).get().refusal(refused));
  }

  /** Runs a change and says it was done; a refusal is said instead. */
  public static void after(Runnable change, String done) {
    try {
      change.run();
      info(done);
    } catch (Refused refused) {
      refused(refused);
    }
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(null, new FacesMessage(severity, message, null));
    context.getExternalContext().getFlash().setKeepMessages(true);
  }
}

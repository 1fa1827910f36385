package com.consultchat.web.platform.boundary;

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

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(null, new FacesMessage(severity, message, null));
    context.getExternalContext().getFlash().setKeepMessages(true);
  }
}

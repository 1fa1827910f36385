package com.consultchat.web.integration.control;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.Flash;

/**
 * A secret an administrator must copy now (a token, a signing secret): kept in the flash for the
 * one page view after the POST that made it, and nowhere else.
 */
public final class ShownOnce {

  private static final String KEY = "consultchat.shownOnce";

  private ShownOnce() {}

  public static void keep(String secret) {
    flash().put(KEY, secret);
  }

  /** The secret on the page view after it was made; null on any other. */
  public static String take() {
    return flash().get(KEY) instanceof String secret ? secret : null;
  }

  private static Flash flash() {
    return FacesContext.getCurrentInstance().getExternalContext().getFlash();
  }
}

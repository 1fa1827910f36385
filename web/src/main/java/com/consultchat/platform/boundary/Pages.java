package com.consultchat.platform.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** Redirects after a POST, so that reloading a page never repeats what was just done. */
public final class Pages {

  private Pages() {}

  /** Redirects to a page of this application, given from its root (e.g. "/index.xhtml"). */
  public static void redirect(String path) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + path);
  }
}

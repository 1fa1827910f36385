package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of this request. Scripts come from this server only: no inline script
 * and no eval. Pages get the policy from PrimeFaces, which adds the nonce of the scripts it writes
 * itself (web.xml names {@code #{contentPolicy.value}}); every other response gets it from {@link
 * SecurityHeadersFilter}. The script directive comes last, where PrimeFaces appends its nonce.
 * Styles may be inline: PrimeFaces positions its widgets with style attributes. Pictures may be
 * {@code blob:} URLs: files already seen are shown from the browser's own store.
 */
@Named
@RequestScoped
public class ContentPolicy {

  private static final String BEFORE_CONNECT =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
          + " media-src 'self' blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'; connect-src 'self'";
  private static final String SCRIPTS = "; script-src 'self'";

  /** A host as a URL may carry it; anything else in the Host header is left out of the policy. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  @Inject HttpServletRequest request;
  @Inject Settings settings;

  public String getValue() {
    return of(request, settings.https());
  }

  /**
   * Scripts may connect to this server only: {@code 'self'} and, since older browsers do not count
   * a socket to the same host as 'self', the socket address of the host the page was asked from.
   */
  static String of(HttpServletRequest request, boolean https) {
    String host = request.getHeader("Host");
    if (host == null || !HOST.matcher(host).matches()) {
      return BEFORE_CONNECT + SCRIPTS;
    }
    String scheme = https || request.isSecure() ? "wss://" : "ws://";
    return BEFORE_CONNECT + " " + scheme + host + SCRIPTS;
  }
}

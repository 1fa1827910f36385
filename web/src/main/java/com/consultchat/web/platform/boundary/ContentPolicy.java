package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of this request. Scripts come from this server only: no inline script
 * and no eval. Pages get the policy from PrimeFaces, which adds the nonce of the scripts it writes
 * itself (web.xml names {@code #{contentPolicy.value}}); every other response gets it from {@link
 * SecurityHeadersFilter}. The script directive comes last, where PrimeFaces appends its nonce.
 * Styles may be inline: PrimeFaces positions its widgets with style attributes. Pictures may be
 * {@code blob:} URLs: files already seen are shown from the browser's own store. Only the sites
 * named for the widget may frame a page, and only a patient's.
 */
@Named
@RequestScoped
public class ContentPolicy {

  private static final String BEFORE_FRAMES =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
          + " media-src 'self' blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors ";
  private static final String CONNECT = "; connect-src 'self'";
  private static final String SCRIPTS = "; script-src 'self'";

  /** A host as a URL may carry it; anything else in the Host header is left out of the policy. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  @Inject HttpServletRequest request;
  @Inject Settings settings;

  public String getValue() {
    return of(request, settings.https(), settings.widgetOrigins());
  }

  /**
   * Scripts may connect to this server only: {@code 'self'} and, since older browsers do not count
   * a socket to the same host as 'self', the socket address of the host the page was asked from.
   */
  static String of(HttpServletRequest request, boolean https, List<String> widgetOrigins) {
    String beforeConnect = BEFORE_FRAMES + frameAncestors(request, widgetOrigins) + CONNECT;
    String host = request.getHeader("Host");
    if (host == null || !HOST.matcher(host).matches()) {
      return beforeConnect + SCRIPTS;
    }
    String scheme = https || request.isSecure() ? "wss://" : "ws://";
    return beforeConnect + " " + scheme + host + SCRIPTS;
  }

  /**
   * Whether the widget's sites may show this response in a frame: what a patient sees may be, staff
   * and administration pages never (no widget shows them), and nothing while no site is named.
   */
  static boolean framable(HttpServletRequest request, List<String> widgetOrigins) {
    String path = request.getServletPath();
    return !widgetOrigins.isEmpty() && !path.startsWith("/admin/") && !path.startsWith("/staff/");
  }

  private static String frameAncestors(HttpServletRequest request, List<String> widgetOrigins) {
    return framable(request, widgetOrigins) ? String.join(" ", widgetOrigins) : "'none'";
  }
}

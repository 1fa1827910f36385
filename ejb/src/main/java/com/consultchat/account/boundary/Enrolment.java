package com.consultchat.account.boundary;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A second factor being set up: the secret to put into an authenticator app, as text and as a URI.
 */
public record Enrolment(String username, String secret) implements Serializable {

  /** What the app shows next to the codes. */
  static final String ISSUER = "ConsultChat";

  /** The {@code otpauth://} address a QR code carries, which every authenticator app reads. */
  public String uri() {
    String issuer = URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20");
    String label = issuer + ":" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + issuer
        + "&algorithm=SHA1&digits=6&period=30";
  }

  /** The secret in groups of four, for typing it in by hand. */
  public String grouped() {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }
}

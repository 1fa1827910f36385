package com.consultchat.web.sso.boundary;

/**
 * Where this module finds the chat's single sign-on boundary. The module is a deployment of its own
 * beside the chat's EAR (see its web.xml for why), so it reaches the boundary by its global name;
 * the classes come from the EAR's ejb module (the manifest's Dependencies).
 */
final class SingleSignOnBoundary {

  static final String NAME =
      "java:global/consultchat/consultchat-ejb/SingleSignOn!"
          + "com.consultchat.account.boundary.SingleSignOn";

  private SingleSignOnBoundary() {}
}

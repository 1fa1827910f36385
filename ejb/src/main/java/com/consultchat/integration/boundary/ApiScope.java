package com.consultchat.integration.boundary;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do; each REST resource names the scope it needs. Stored by its wire name. */
public enum ApiScope {
  CONSULTATIONS_READ("consultations:read"),
  CONSULTATIONS_WRITE("consultations:write"),
  MESSAGES_READ("messages:read"),
  MESSAGES_WRITE("messages:write"),
  ROOMS_READ("rooms:read"),
  FILES_READ("files:read"),
  ACCOUNTS_ADMIN("accounts:admin");

  private final String wireName;

  ApiScope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ApiScope> of(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }
}

package com.consultchat.account.entity;

public enum AccountStatus {
  ACTIVE,
  DISABLED,
  /** Pseudonymised at the person's request: no password, no second factor, never active again. */
  ERASED
}

package com.consultchat.account.entity;

public enum AccountStatus {
  ACTIVE,
  DISABLED
}

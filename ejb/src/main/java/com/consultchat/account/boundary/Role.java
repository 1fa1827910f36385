package com.consultchat.account.boundary;

/** What a person is to the clinic. The names are also the Jakarta Security groups. */
public enum Role {
  PATIENT,
  STAFF,
  ADMIN
}

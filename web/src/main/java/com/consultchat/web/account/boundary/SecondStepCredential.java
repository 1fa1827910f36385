package com.consultchat.web.account.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * The second step of a login: the code for an account whose password was checked earlier in this
 * session (the account id comes from the session, never from the form).
 */
record SecondStepCredential(long accountId, String code) implements Credential {}

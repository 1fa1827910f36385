package com.consultchat.web.account.boundary;

import jakarta.security.enterprise.credential.Credential;

/** A one-time ticket from the sign-on module: the provider has already authenticated the person. */
record SignOnCredential(String ticket) implements Credential {}

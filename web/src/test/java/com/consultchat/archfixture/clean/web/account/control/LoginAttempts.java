package com.consultchat.archfixture.clean.web.account.control;

/** A web control class, used only by account's web side. */
public class LoginAttempts {}

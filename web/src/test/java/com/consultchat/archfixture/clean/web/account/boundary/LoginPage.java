package com.consultchat.archfixture.clean.web.account.boundary;

import com.consultchat.archfixture.clean.account.boundary.Accounts;
import com.consultchat.archfixture.clean.web.account.control.LoginAttempts;
import jakarta.servlet.http.HttpServletRequest;

/** A page: servlet types, its own web control, an ejb boundary. */
public class LoginPage {
  HttpServletRequest request;
  LoginAttempts attempts;
  Accounts accounts;
}

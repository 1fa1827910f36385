package com.consultchat.archfixture.violating.account.boundary;

import jakarta.servlet.http.HttpServletRequest;

/** Breaks "ejb knows no web technology": an ejb boundary holding a servlet request. */
public class ServletReader {
  HttpServletRequest request;
}

package com.consultchat.archfixture.clean.web.platform.boundary;

import com.consultchat.archfixture.clean.platform.boundary.Refused;
import jakarta.servlet.http.HttpServletResponse;

/** The web platform: servlet types and platform's boundary, no feature. */
public class HeadersFilter {
  HttpServletResponse response;
  Refused refused;
}

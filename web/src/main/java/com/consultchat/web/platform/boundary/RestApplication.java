package com.consultchat.web.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API under /api: the polling transport of the chat. Behind the login like every page. */
@ApplicationPath("api")
public class RestApplication extends Application {}

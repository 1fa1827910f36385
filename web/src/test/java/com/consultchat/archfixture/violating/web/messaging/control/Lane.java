package com.consultchat.archfixture.violating.web.messaging.control;

/** A control class of messaging's web side, used by consultation's in {@code QueuePage}. */
public class Lane {}

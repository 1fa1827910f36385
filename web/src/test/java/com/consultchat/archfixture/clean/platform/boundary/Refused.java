package com.consultchat.archfixture.clean.platform.boundary;

/** What every feature may use: platform's boundary. */
public class Refused extends RuntimeException {}

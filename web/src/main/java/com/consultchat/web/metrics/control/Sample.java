package com.consultchat.web.metrics.control;

import java.util.Map;

/**
 * The node at one moment: every figure of the admin's charts, keyed by the name the page uses. A
 * figure is null when it was not known (a rate needs the sample before it).
 */
public record Sample(long epochSecond, Map<String, Double> figures) {}

package com.consultchat.safety.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * Whether the clinic answers now and, if not, when it will; with the number to call in an
 * emergency, which every notice repeats. {@code nextOpening} is null while open, or if the schedule
 * never opens.
 */
public record ClinicStatus(
    boolean open, Instant nextOpening, String hours, String zone, String emergencyNumber)
    implements Serializable {}

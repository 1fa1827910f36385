package com.consultchat.consultation.boundary;

import java.io.Serializable;
import java.util.List;

/** One page of a list of consultations and how many there are in all. */
public record ConsultationPage(List<ConsultationSummary> rows, long total)
    implements Serializable {}

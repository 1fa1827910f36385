package com.consultchat.consultation.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A consultation's state changed; its participants' screens show the new state. */
public record ConsultationChanged(ConsultationSummary consultation, Set<Long> recipients)
    implements Notification {}

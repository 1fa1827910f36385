package com.consultchat.consultation.boundary;

import com.consultchat.platform.boundary.Notification;

/**
 * A patient's message may be an emergency: the patient is shown what to do now, and staff are
 * alerted — every member of staff while the request waits, otherwise whoever holds it. It names the
 * consultation, never what was written.
 */
public record UrgentRaised(
    long consultationId, long conversationId, long patientId, Long staffId, boolean waiting)
    implements Notification {}

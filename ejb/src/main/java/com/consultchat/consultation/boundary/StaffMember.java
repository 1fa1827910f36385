package com.consultchat.consultation.boundary;

import java.io.Serializable;

/** A member of staff a consultation can be handed to. */
public record StaffMember(long id, String displayName) implements Serializable {}

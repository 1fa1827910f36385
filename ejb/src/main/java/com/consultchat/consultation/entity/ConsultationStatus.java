package com.consultchat.consultation.entity;

public enum ConsultationStatus {
  /** Waiting in the staff queue. */
  REQUESTED,
  /** Taken by a member of staff. */
  ACTIVE,
  CLOSED
}

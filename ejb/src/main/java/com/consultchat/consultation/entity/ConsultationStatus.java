package com.consultchat.consultation.entity;

public enum ConsultationStatus {
  /** Waiting in the staff queue. */
  REQUESTED,
  /** Taken by a member of staff. */
  ACTIVE,
  /** Handed to another member of staff, who has not accepted it yet. */
  TRANSFERRED,
  /** Ended with a summary; read-only. */
  CLOSED
}

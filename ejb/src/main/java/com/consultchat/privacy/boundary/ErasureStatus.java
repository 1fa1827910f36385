package com.consultchat.privacy.boundary;

/** Where an erasure request stands. Stored by name. */
public enum ErasureStatus {
  PENDING("Waiting for an administrator"),
  CARRIED_OUT("Carried out"),
  DECLINED("Declined");

  private final String label;

  ErasureStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package com.consultchat.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * What verifying the audit log's hash chain found: intact over {@code checked} rows, or the first
 * broken link. {@code brokenId} and {@code brokenAt} are null when rows are missing at the end (the
 * chain's head is ahead of its last row).
 */
public record ChainCheck(boolean intact, long checked, Long brokenId, Instant brokenAt, Break kind)
    implements Serializable {

  public enum Break {
    /** The row's content, or its link to the one before, is not what was written. */
    ALTERED,
    /** Rows before this one are gone (its number in the chain skips). */
    MISSING_BEFORE,
    /** Rows after the last one are gone. */
    MISSING_AT_END
  }

  /** The outcome in words, for the administrator and the audit row. */
  public String describe() {
    if (intact) {
      return "Intact, " + checked + " rows.";
    }
    return switch (kind) {
      case ALTERED -> "Broken at row " + brokenId + " of " + brokenAt + ": altered.";
      case MISSING_BEFORE ->
          "Broken at row " + brokenId + " of " + brokenAt + ": rows before it are missing.";
      case MISSING_AT_END -> "Broken after row " + checked + ": rows at the end are missing.";
    };
  }
}

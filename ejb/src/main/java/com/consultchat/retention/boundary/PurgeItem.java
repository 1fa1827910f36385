package com.consultchat.retention.boundary;

import com.consultchat.messaging.boundary.PurgedRange;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a purge removes (or would remove) of one conversation: counts and sequence numbers, never
 * content. {@code owner} is the consultation's id or the room's.
 */
public record PurgeItem(
    Kind kind, long owner, long conversation, long entries, long files, List<PurgedRange> seqs)
    implements Serializable {

  /** Whose conversation. */
  public enum Kind {
    CONSULTATION,
    ROOM
  }

  /** The sequence numbers as runs, e.g. {@code 1-40, 43}. */
  public String seqText() {
    return seqs.stream()
        .map(run -> run.from() == run.to() ? "" + run.from() : run.from() + "-" + run.to())
        .collect(Collectors.joining(", "));
  }
}

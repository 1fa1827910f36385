package com.consultchat.retention.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A purge's result, or a dry run's forecast: per conversation what goes, what legal holds keep, and
 * the dates before which closed consultations and room posts fall due. {@code more} when a dry run
 * listed only the first conversations due.
 */
public record PurgeReport(
    boolean dryRun,
    Instant at,
    Instant consultationsClosedBefore,
    Instant roomPostsBefore,
    List<PurgeItem> items,
    long heldConsultations,
    long heldRoomEntries,
    boolean more)
    implements Serializable {

  public long entries() {
    return items.stream().mapToLong(PurgeItem::entries).sum();
  }

  public long files() {
    return items.stream().mapToLong(PurgeItem::files).sum();
  }

  public long consultations() {
    return items.stream().filter(item -> item.kind() == PurgeItem.Kind.CONSULTATION).count();
  }

  public long rooms() {
    return items.stream().filter(item -> item.kind() == PurgeItem.Kind.ROOM).count();
  }
}

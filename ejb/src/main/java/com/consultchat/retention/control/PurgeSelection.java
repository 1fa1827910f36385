package com.consultchat.retention.control;

import com.consultchat.messaging.boundary.PurgedRange;
import com.consultchat.retention.boundary.PurgeItem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what is due. Reads only; each query is bounded, so a dry run or a purge never scans the
 * whole history in one statement's result.
 */
@Dependent
public class PurgeSelection {

  /** Whether a legal hold in force covers consultation {@code c}: itself or anyone in it. */
  private static final String CONSULTATION_HELD =
      "exists (select 1 from legal_hold h where h.released_at is null and (h.consultation_id = c.id"
          + " or h.account_id in (c.patient_id, c.staff_id)"
          + " or h.account_id in (select cm.account_id from conversation_member cm"
          + " where cm.conversation_id = c.conversation_id)"
          + " or h.account_id in (select x.from_staff_id from handover x where x.consultation_id = c.id)"
          + " or h.account_id in (select x.to_staff_id from handover x where x.consultation_id = c.id)))";

  /** Whether a legal hold covers room entry {@code m}: on its sender, or on the changed post's. */
  private static final String ENTRY_HELD =
      "exists (select 1 from legal_hold h where h.released_at is null and (h.account_id = m.sender_id"
          + " or h.account_id = (select r.sender_id from message r"
          + " where r.conversation_id = m.conversation_id and r.seq = m.ref_seq)))";

  private static final String ROOM_ENTRIES =
      " from message m join conversation v on v.id = m.conversation_id and v.kind = 'ROOM'"
          + " where m.created_at < :cutoff";

  @Inject EntityManager em;

  /** A closed consultation past its period, with what its conversation holds. */
  public record Candidate(
      long consultation,
      long conversation,
      String status,
      Instant closedAt,
      boolean held,
      long entries,
      long files,
      long firstSeq,
      long lastSeq) {

    public PurgeItem item() {
      return new PurgeItem(
          PurgeItem.Kind.CONSULTATION,
          consultation,
          conversation,
          entries,
          files,
          entries == 0 ? List.of() : List.of(new PurgedRange(firstSeq, lastSeq)));
    }
  }

  public boolean consultationExists(long id) {
    return !em.createNativeQuery("select 1 from consultation where id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /** Consultations closed before the cutoff and not yet purged, oldest first, held ones too. */
  public List<Candidate> consultations(Instant cutoff, int limit) {
    return candidates("c.closed_at < :cutoff order by c.closed_at, c.id", cutoff, null, limit);
  }

  /** The one consultation as it stands now, locked until the caller's transaction ends. */
  public Candidate consultationLocked(long consultation) {
    List<Candidate> found = candidates("c.id = :id for no key update of c", null, consultation, 1);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<Candidate> candidates(String condition, Instant cutoff, Long id, int limit) {
    var query =
        em.createNativeQuery(
            "select c.id, c.conversation_id, c.status, c.closed_at, "
                + CONSULTATION_HELD
                + ", s.n, s.f, s.lo, s.hi from consultation c"
                + " left join lateral (select count(*) n, count(mm.file_id) f,"
                + " coalesce(min(mm.seq), 0) lo, coalesce(max(mm.seq), 0) hi from message mm"
                + " where mm.conversation_id = c.conversation_id) s on true"
                + " where c.purged_at is null and "
                + condition);
    if (cutoff != null) {
      query.setParameter("cutoff", cutoff);
    }
    if (id != null) {
      query.setParameter("id", id);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.setMaxResults(limit).getResultList();
    return rows.stream()
        .map(
            row ->
                new Candidate(
                    number(row[0]),
                    number(row[1]),
                    (String) row[2],
                    instant(row[3]),
                    (Boolean) row[4],
                    number(row[5]),
                    number(row[6]),
                    number(row[7]),
                    number(row[8])))
        .toList();
  }

  /** The numbers of a consultation's next entries to remove, at most {@code limit}. */
  public List<Long> consultationSeqs(long conversation, int limit) {
    return seqs(
        "select m.seq from message m where m.conversation_id = :conversation order by m.seq",
        conversation,
        null,
        limit);
  }

  /** Room entries due, as runs of numbers per room, for at most {@code limit} runs. */
  public List<PurgeItem> roomItems(Instant cutoff, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select x.conversation_id, g.id, min(x.seq), max(x.seq), count(*), count(x.file_id)"
                    + " from (select m.conversation_id, m.seq, m.file_id,"
                    + " m.seq - row_number() over (partition by m.conversation_id order by m.seq)"
                    + " island"
                    + ROOM_ENTRIES
                    + " and not "
                    + ENTRY_HELD
                    + ") x join focus_group g on g.conversation_id = x.conversation_id"
                    + " group by x.conversation_id, g.id, x.island"
                    + " order by x.conversation_id, min(x.seq)")
            .setParameter("cutoff", cutoff)
            .setMaxResults(limit)
            .getResultList();
    Map<Long, PurgeItem> items = new LinkedHashMap<>();
    for (Object[] row : rows) {
      long conversation = number(row[0]);
      PurgeItem item =
          items.getOrDefault(
              conversation,
              new PurgeItem(
                  PurgeItem.Kind.ROOM, number(row[1]), conversation, 0, 0, new ArrayList<>()));
      item.seqs().add(new PurgedRange(number(row[2]), number(row[3])));
      items.put(
          conversation,
          new PurgeItem(
              item.kind(),
              item.owner(),
              conversation,
              item.entries() + number(row[4]),
              item.files() + number(row[5]),
              item.seqs()));
    }
    return items.values().stream()
        .map(
            item ->
                new PurgeItem(
                    item.kind(),
                    item.owner(),
                    item.conversation(),
                    item.entries(),
                    item.files(),
                    List.copyOf(item.seqs())))
        .toList();
  }

  /** Room entries past their period that a legal hold keeps. */
  public long heldRoomEntries(Instant cutoff) {
    return number(
        em.createNativeQuery("select count(*)" + ROOM_ENTRIES + " and " + ENTRY_HELD)
            .setParameter("cutoff", cutoff)
            .getSingleResult());
  }

  /** The numbers of a room's next entries due, at most {@code limit}. */
  public List<Long> roomSeqs(long conversation, Instant cutoff, int limit) {
    return seqs(
        "select m.seq"
            + ROOM_ENTRIES
            + " and m.conversation_id = :conversation and not "
            + ENTRY_HELD
            + " order by m.seq",
        conversation,
        cutoff,
        limit);
  }

  /** Whether the file entries among these numbers, for the report. */
  public long files(long conversation, List<Long> seqs) {
    if (seqs.isEmpty()) {
      return 0;
    }
    return number(
        em.createNativeQuery(
                "select count(file_id) from message where conversation_id = :c and seq in (:seqs)")
            .setParameter("c", conversation)
            .setParameter("seqs", seqs)
            .getSingleResult());
  }

  /**
   * Serialises purges of one conversation across nodes until the caller's transaction ends, so two
   * nodes' nightly runs never remove and record the same numbers twice.
   */
  public void lock(long conversation) {
    em.createNativeQuery("select pg_advisory_xact_lock(:key)")
        .setParameter("key", conversation ^ 0x5245_5445_4e54_0000L)
        .getSingleResult();
  }

  private List<Long> seqs(String sql, long conversation, Instant cutoff, int limit) {
    var query = em.createNativeQuery(sql).setParameter("conversation", conversation);
    if (cutoff != null) {
      query.setParameter("cutoff", cutoff);
    }
    @SuppressWarnings("unchecked")
    List<Object> rows = query.setMaxResults(limit).getResultList();
    return rows.stream().map(PurgeSelection::number).toList();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    throw new IllegalStateException("Unexpected time type " + value.getClass());
  }
}

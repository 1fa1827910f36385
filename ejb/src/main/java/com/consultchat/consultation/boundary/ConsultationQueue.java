package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.control.ConsultationLists;
import com.consultchat.consultation.control.UrgencyFlags;
import com.consultchat.consultation.control.WaitEstimate;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.safety.boundary.ClinicHours;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queue as staff work it and patients wait in it: urgent requests first, each marked if it
 * arrived while the clinic was closed, and how long a new request is likely to wait.
 */
@Stateless
public class ConsultationQueue {

  /** Recent enough to describe today's queue, many enough for a median. */
  static final Duration RECENT = Duration.ofDays(7);

  static final int SAMPLES = 50;

  @Inject EntityManager em;
  @Inject ConsultationLists lists;
  @Inject Urgencies urgencies;
  @Inject UrgencyFlags flags;
  @Inject ClinicHours clinicHours;
  @Inject Clock clock;

  /**
   * Requests nobody is in charge of: urgent ones first, then oldest first; subject and specialty,
   * never the patient. Each member of staff's first sight of an urgent one is audited.
   */
  public List<QueueItem> waiting(Caller caller) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("queue.staff-only");
    }
    List<Consultation> waiting = lists.waiting();
    Set<Long> urgent = flags.among(waiting.stream().map(Consultation::id).toList()).keySet();
    urgent.forEach(id -> urgencies.seen(caller, id, "queue"));
    return waiting.stream()
        .map(
            c ->
                QueueItem.of(c)
                    .marked(urgent.contains(c.id()), clinicHours.outOfHours(c.requestedAt())))
        .sorted(Comparator.comparing((QueueItem item) -> !item.urgent()))
        .toList();
  }

  /**
   * Counts for the node's metrics (see {@link QueueStats}); no caller, since it names nobody but
   * staff and tells nothing about any consultation.
   */
  public QueueStats stats() {
    Object[] queue =
        (Object[])
            em.createNativeQuery(
                    "select count(*), min(requested_at) from consultation"
                        + " where staff_id is null and status <> 'CLOSED'")
                .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> held =
        em.createNativeQuery(
                "select a.id, a.display_name, count(*) from consultation c"
                    + " join account a on a.id = c.staff_id"
                    + " where c.status in ('ACTIVE', 'TRANSFERRED')"
                    + " group by a.id, a.display_name order by a.display_name")
            .getResultList();
    return new QueueStats(
        ((Number) queue[0]).intValue(),
        Optional.ofNullable(queue[1]).map(ConsultationQueue::instant),
        held.stream()
            .map(
                row ->
                    new QueueStats.Held(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        ((Number) row[2]).longValue()))
            .toList());
  }

  private static Instant instant(Object timestamp) {
    if (timestamp instanceof Instant instant) {
      return instant;
    }
    if (timestamp instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((java.sql.Timestamp) timestamp).toInstant();
  }

  /**
   * The median wait of recent requests before someone took them, rounded as a person would say it
   * (the web puts it in words); empty when there were too few to say.
   */
  public Optional<Duration> estimate() {
    Instant since = clock.instant().minus(RECENT);
    @SuppressWarnings("unchecked")
    List<Number> seconds =
        em.createNativeQuery(
                "select extract(epoch from (taken_at - requested_at)) from consultation"
                    + " where taken_at is not null and taken_at > ?1 and follow_up_of is null"
                    + " order by taken_at desc")
            .setParameter(1, since)
            .setMaxResults(SAMPLES)
            .getResultList();
    return WaitEstimate.of(
        seconds.stream().map(s -> Duration.ofSeconds(Math.max(0, s.longValue()))).toList());
  }
}

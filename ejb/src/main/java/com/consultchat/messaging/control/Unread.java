package com.consultchat.messaging.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many messages of others each conversation holds beyond what a person has read, from their
 * read receipt. Removed messages do not count.
 */
@Dependent
public class Unread {

  private static final String COUNTS =
      "select m.conversation_id, count(*) from message m"
          + " left join receipt r on r.conversation_id = m.conversation_id and r.account_id = ?1"
          + " where m.conversation_id in (?2) and m.seq > coalesce(r.read_seq, 0)"
          + " and m.sender_id <> ?1 and m.removed_at is null"
          + " group by m.conversation_id";

  @PersistenceContext EntityManager em;

  public Map<Long, Long> of(long accountId, Collection<Long> conversations) {
    Map<Long, Long> counts = new HashMap<>();
    if (conversations.isEmpty()) {
      return counts;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(COUNTS)
            .setParameter(1, accountId)
            .setParameter(2, conversations)
            .getResultList();
    rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    return counts;
  }
}

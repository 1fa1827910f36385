package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.SearchQuery;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.query.NativeQuery;

/**
 * The full-text query over messages (V120): a message matches when its words match the query in any
 * of the text configurations, exact words ('simple') or other forms of them ('english', 'german');
 * it ranks by cover density, exact words counting on top of stemmed ones, newer first on a tie.
 * Only posts and files as they stand now, never edits or deleted messages (whose text is blank
 * anyway), and, unless {@code everywhere}, only conversations the account is a member of — the rule
 * every read of messages follows. Snippets are marked for the few rows of one page only.
 */
@Dependent
public class TextSearch {

  /** The predicate of the partial index (V120's, now V130's), word for word, for the planner. */
  static final String SEARCHABLE =
      "m.kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE') and m.deleted_at is null";

  /**
   * How many of the newest matches are ranked. A word in a tenth of a million messages would
   * otherwise have all of them read and ranked for one page; the newest matches are found by
   * walking back from the newest message, which stops as soon as there are enough.
   */
  public static final int CANDIDATES = 2000;

  /** The query in the three configurations of the vector: a match in any of them counts. */
  private static final String QUERY =
      "(websearch_to_tsquery('simple', :q) || websearch_to_tsquery('english', :q)"
          + " || websearch_to_tsquery('german', :q))";

  /** The text the vector is made of, without the two characters that mark matches. */
  private static final String TEXT =
      "ltrim(translate(coalesce(m.file_name, '') || ' ' || m.body, chr(2) || chr(3), ''))";

  private static final String OPTIONS =
      "case when length(" + TEXT + ") <= :whole then :wholeText else :fragments end";

  /** Marked in the configuration that found the message, exact words first. */
  private static final String SNIPPET =
      "case when to_tsvector('simple', "
          + TEXT
          + ") @@ websearch_to_tsquery('simple', :q) then ts_headline('simple', "
          + TEXT
          + ", websearch_to_tsquery('simple', :q), "
          + OPTIONS
          + ") when to_tsvector('english', "
          + TEXT
          + ") @@ websearch_to_tsquery('english', :q) then ts_headline('english', "
          + TEXT
          + ", websearch_to_tsquery('english', :q), "
          + OPTIONS
          + ") else ts_headline('german', "
          + TEXT
          + ", websearch_to_tsquery('german', :q), "
          + OPTIONS
          + ") end";

  /**
   * Members of at most this many conversations search them one by one (see candidates). Each
   * conversation is one scan of the index, so for many conversations the planner's own choice costs
   * less: with 24 conversations of 1,800 messages, one by one took three times as long for two
   * words, with 300 four times as long for a phrase.
   */
  static final int ONE_BY_ONE = 8;

  /** A query of one word, which the planner can judge by its statistics. */
  private static final Pattern ONE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  @Inject EntityManager em;

  /** One row found, before messaging names its conversation and sender. */
  public record Found(
      long conversationId,
      long seq,
      long senderId,
      String senderName,
      Instant sentAt,
      MessageKind kind,
      String fileName,
      String marked,
      boolean capped) {}

  /**
   * At most {@code limit} rows from {@code query.offset()}, best first. {@code sender} is an
   * account (already resolved from the conversation's alias), {@code account} the searcher.
   */
  public List<Found> find(
      SearchQuery query, long account, boolean everywhere, Long sender, int limit) {
    StringBuilder where =
        new StringBuilder(SEARCHABLE).append(" and m.search_vector @@ ").append(QUERY);
    boolean oneByOne = !everywhere && conversations(account) <= ONE_BY_ONE;
    if (oneByOne) {
      // See candidates: the index on (conversation, words) of V130 then finds the rows with both.
      where.append(" and m.conversation_id = mine.id");
    } else if (!everywhere) {
      // An array, not a join: the planner can then intersect the conversations' entries with the
      // words' in the index before it reads a single row.
      where.append(
          " and m.conversation_id = any(array(select cm.conversation_id from conversation_member cm"
              + " where cm.account_id = :account))");
    }
    if (query.conversationId() != null) {
      where.append(" and m.conversation_id = :conversation");
    }
    if (sender != null) {
      where.append(" and m.sender_id = :sender");
    }
    if (query.mine()) {
      where.append(" and m.sender_id = :account");
    }
    if (query.from() != null) {
      where.append(" and m.created_at >= :from");
    }
    if (query.until() != null) {
      where.append(" and m.created_at < :until");
    }
    if (query.withFile()) {
      where.append(" and m.file_id is not null");
    }
    String sql =
        "select m.conversation_id, m.seq, m.sender_id, a.display_name, m.created_at, m.kind,"
            + " m.file_name, "
            + SNIPPET
            + ", hit.found from (select c.id, ts_rank_cd(c.search_vector, "
            + QUERY
            + ") as rank, count(*) over () as found from ("
            + candidates(
                where,
                oneByOne,
                everywhere
                    && ONE_WORD.matcher(query.text()).matches()
                    && query.conversationId() == null
                    && sender == null
                    && !query.mine()
                    && query.from() == null
                    && query.until() == null
                    && !query.withFile())
            + ") c"
            + " order by rank desc, c.id desc limit :limit offset :offset) hit"
            + " join message m on m.id = hit.id join account a on a.id = m.sender_id"
            + " order by hit.rank desc, m.id desc";
    Query statement = em.createNativeQuery(sql);
    statement.unwrap(NativeQuery.class).addSynchronizedQuerySpace("message");
    statement.setParameter("q", query.text());
    statement.setParameter("whole", Highlights.WHOLE);
    statement.setParameter("wholeText", Highlights.WHOLE_TEXT);
    statement.setParameter("fragments", Highlights.FRAGMENTS);
    statement.setParameter("candidates", CANDIDATES);
    statement.setParameter("limit", limit);
    statement.setParameter("offset", query.offset());
    if (!everywhere || query.mine()) {
      statement.setParameter("account", account);
    }
    if (query.conversationId() != null) {
      statement.setParameter("conversation", query.conversationId());
    }
    if (sender != null) {
      statement.setParameter("sender", sender);
    }
    if (query.from() != null) {
      statement.setParameter("from", query.from());
    }
    if (query.until() != null) {
      statement.setParameter("until", query.until());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = statement.getResultList();
    List<Found> found = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      found.add(
          new Found(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              ((Number) row[2]).longValue(),
              (String) row[3],
              instant(row[4]),
              MessageKind.valueOf((String) row[5]),
              (String) row[6],
              (String) row[7],
              ((Number) row[8]).longValue() >= CANDIDATES));
    }
    return found;
  }

  /**
   * The newest {@link #CANDIDATES} matches, id and vector. {@code oneByOne}: the newest of each of
   * the member's conversations, then the newest of those; the conversation is then a value the
   * index on (conversation, words) is asked for together with the words, so only rows of the
   * member's conversations that hold the words are read. Given all conversations at once ({@code =
   * any(array)}) the planner is free to look the words up alone and filter the conversations on the
   * rows read; it does so whenever it takes the words to be rare, which for a phrase or two words
   * it always does (it takes words to be independent), and then reads every message holding them:
   * 27,000 pages for "x-ray" where 3,400 hold a match in the member's rooms.
   */
  private static String candidates(CharSequence where, boolean oneByOne, boolean unfiltered) {
    if (!oneByOne) {
      return "select m.id, m.search_vector from message m where "
          + where
          + " order by "
          + newestFirst(unfiltered)
          + " limit :candidates";
    }
    return "select m.id, m.search_vector from unnest(array(select cm.conversation_id"
        + " from conversation_member cm where cm.account_id = :account)) as mine(id)"
        + " cross join lateral (select m.id, m.search_vector from message m where "
        + where
        + " order by "
        + newestFirst(false)
        + " limit :candidates) m order by m.id desc limit :candidates";
  }

  /**
   * Newest first. Over all messages with no filter, walking back from the newest message finds the
   * newest matches of a common word soon and the planner knows how soon from the word's statistics;
   * with filters it cannot tell how soon (a member's few conversations may hold a hundred matches
   * of a word that is everywhere else), and that walk could cross the whole table. There the order
   * is one no index gives ({@code id + 0}), so the indexes find the matches of those conversations
   * and only those rows are read and sorted.
   */
  private static String newestFirst(boolean unfiltered) {
    return unfiltered ? "m.id desc" : "m.id + 0 desc";
  }

  private long conversations(long account) {
    Query count =
        em.createNativeQuery(
            "select count(*) from conversation_member where account_id = :account");
    count.unwrap(NativeQuery.class).addSynchronizedQuerySpace("conversation_member");
    return ((Number) count.setParameter("account", account).getSingleResult()).longValue();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}

package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.SearchQuery;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
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

  /** The query in the three configurations of the vector (see {@link #words}). */
  private static final String QUERY = "cast(:words as tsquery)";

  /** The three configurations' queries for the searched text, as text. */
  private static final String PARSED =
      "select cast(websearch_to_tsquery('simple', :q) as text),"
          + " cast(websearch_to_tsquery('english', :q) as text),"
          + " cast(websearch_to_tsquery('german', :q) as text)";

  /** One lexeme of a query, as PostgreSQL writes it (one with a quote inside is left alone). */
  private static final Pattern LEXEME = Pattern.compile("'([^']+)'");

  /** How PostgreSQL joins the lexemes of a phrase. */
  private static final String FOLLOWED_BY = " <-> ";

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

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

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
    boolean walkBack =
        everywhere
            && oneWord(query.text())
            && query.conversationId() == null
            && sender == null
            && !query.mine()
            && query.from() == null
            && query.until() == null
            && !query.withFile();
    String sql =
        "select m.conversation_id, m.seq, m.sender_id, a.display_name, m.created_at, m.kind,"
            + " m.file_name, "
            + SNIPPET
            + ", hit.found from (select c.id, ts_rank_cd("
            + (walkBack ? "c" : "v")
            + ".search_vector, "
            + QUERY
            + ") as rank, count(*) over () as found from ("
            + candidates(where, oneByOne, walkBack)
            + ") c"
            + (walkBack ? "" : " join message v on v.id = c.id")
            + " order by rank desc, c.id desc limit :limit offset :offset) hit"
            + " join message m on m.id = hit.id join account a on a.id = m.sender_id"
            + " order by hit.rank desc, m.id desc";
    String words = words(query.text());
    customPlan();
    Query statement = em.createNativeQuery(sql);
    statement.unwrap(NativeQuery.class).addSynchronizedQuerySpace("message");
    statement.setParameter("q", query.text());
    statement.setParameter("words", words);
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
   * The newest {@link #CANDIDATES} matches: their ids, and their vectors too when {@code walkBack}.
   * {@code oneByOne}: the newest of each of the member's conversations, then the newest of those;
   * the conversation is then a value the index on (conversation, words) is asked for together with
   * the words, so only rows of the member's conversations that hold the words are read. Given all
   * conversations at once ({@code = any(array)}) the planner is free to look the words up alone and
   * filter the conversations on the rows read; it does so whenever it takes the words to be rare,
   * which for a phrase or two words it always does (it takes words to be independent), and then
   * reads every message holding them: 27,000 pages for "x-ray" where 3,400 hold a match in the
   * member's rooms.
   *
   * <p>Where the matches are sorted, only ids are: a vector is a third of a kilobyte, and sorting
   * 10,000 of them for a common word took a third of the query (memory the database allocates and
   * returns for every search); the vectors of the 2,000 kept are read again by id. Walking back
   * from the newest message sorts nothing, so there the vector rides along.
   */
  private static String candidates(CharSequence where, boolean oneByOne, boolean walkBack) {
    if (!oneByOne) {
      return "select m.id"
          + (walkBack ? ", m.search_vector" : "")
          + " from message m where "
          + where
          + " order by "
          + newestFirst(walkBack)
          + " limit :candidates";
    }
    return "select m.id from unnest(array(select cm.conversation_id"
        + " from conversation_member cm where cm.account_id = :account)) as mine(id)"
        + " cross join lateral (select m.id from message m where "
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
  private static String newestFirst(boolean walkBack) {
    return walkBack ? "m.id desc" : "m.id + 0 desc";
  }

  /**
   * A query of one word, which the planner can judge by its statistics; a hyphenated word counts,
   * since it is searched as its compound alone (see {@link #compound}).
   */
  private static boolean oneWord(String text) {
    for (String part : text.split("-", -1)) {
      if (!WORD.matcher(part).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The query in the three configurations of the vector, a match in any of them counting, each
   * different query once: for most words two or all three are the same, and each copy was checked
   * on every row read and ranked again (a phrase took 53 instead of 33 ms for a member).
   */
  private String words(String text) {
    Object[] parsed =
        (Object[]) em.createNativeQuery(PARSED).setParameter("q", text).getSingleResult();
    Set<String> each = new LinkedHashSet<>();
    for (Object one : parsed) {
      String query = compound((String) one);
      if (!query.isEmpty()) {
        each.add("(" + query + ")");
      }
    }
    return String.join(" | ", each);
  }

  /**
   * A hyphenated word as its compound alone. The parser reads "x-ray" as the compound 'x-ray'
   * followed by its parts 'x' and 'ray' and makes it a phrase of the three; the compound only comes
   * from the hyphenated word, always followed by its parts, so it alone finds the same messages. As
   * a phrase, every row holding the three lexemes anywhere had to be read to check their positions
   * (27,000 pages for "x-ray" over a million messages), and the planner, taking the three to be
   * independent, judged the phrase rare; the compound is one lexeme the index answers exactly and
   * whose frequency the statistics know. Anything else is left as it is.
   */
  static String compound(String query) {
    String[] phrase = query.split(FOLLOWED_BY, -1);
    List<String> lexemes = new ArrayList<>();
    for (String each : phrase) {
      Matcher lexeme = LEXEME.matcher(each);
      if (!lexeme.matches()) {
        return query;
      }
      lexemes.add(lexeme.group(1));
    }
    boolean hyphenated =
        lexemes.size() > 2
            && lexemes.get(0).equals(String.join("-", lexemes.subList(1, lexemes.size())));
    return hyphenated ? phrase[0] : query;
  }

  /**
   * A plan for these words, not a generic one, and on one core. After five searches on a connection
   * the driver prepares the statement once, and PostgreSQL may then plan it for any words: the
   * query is then parsed again on every row it is checked against and ranked for (a phrase took 75
   * instead of 48 ms), and the planner can no longer tell a common word from a rare one, which is
   * what chooses between walking back from the newest message and the index. Workers in parallel
   * only slowed a walk back (a word in one message in a hundred: 202 instead of 54 ms), and a
   * search is one person's request on a machine that serves many. Until the end of this transaction
   * only.
   */
  private void customPlan() {
    em.createNativeQuery(
            "select set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('max_parallel_workers_per_gather', '0', true)")
        .getSingleResult();
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

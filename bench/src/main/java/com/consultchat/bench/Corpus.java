package com.consultchat.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Messages for the search benchmark, written straight into the database with COPY: sentences of 6
 * to 30 words drawn with a Zipf-like frequency from everyday clinical English and German and a long
 * tail of rare words, as real text has, so that common words match a large share of the rows and
 * rare ones a handful. Most go into the pair consultations, a tenth into the seeded rooms (whose
 * members are every benchmark person), so a person's search covers their own consultation and large
 * rooms. Two runs on a fresh database store the same text.
 */
final class Corpus {

  /** Message ids start here, far above what the server's id sequence hands out in a run. */
  static final long MESSAGE_BASE = 4_000_000_000L;

  static final List<String> COMMON =
      List.of(
          "the",
          "and",
          "i",
          "have",
          "it",
          "is",
          "my",
          "a",
          "to",
          "since",
          "with",
          "for",
          "not",
          "pain",
          "fever",
          "headache",
          "cough",
          "tablets",
          "dose",
          "morning",
          "night",
          "days",
          "week",
          "blood",
          "pressure",
          "sugar",
          "insulin",
          "doctor",
          "appointment",
          "results",
          "test",
          "better",
          "worse",
          "again",
          "sleep",
          "tired",
          "dizzy",
          "rash",
          "throat",
          "stomach",
          "chest",
          "breathing",
          "allergy",
          "ibuprofen",
          "paracetamol",
          "antibiotics",
          "prescription",
          "referral",
          "scan",
          "x-ray",
          "knee",
          "back",
          "shoulder",
          "swelling",
          "diabetes",
          "asthma",
          "inhaler",
          "vaccine",
          "pregnant",
          "child",
          "temperature",
          "running",
          "walking",
          "eating",
          "drinking",
          "water",
          "diet",
          "exercise",
          "weight",
          "ich",
          "habe",
          "seit",
          "und",
          "Kopfschmerzen",
          "Fieber",
          "Husten",
          "Schmerzen",
          "Tabletten",
          "Termin",
          "Blutdruck",
          "Rücken",
          "Magen",
          "müde",
          "schlafe",
          "schlecht");

  static final int RARE = 20_000;

  /** What people search for: frequent, middling and rare words, two words, a phrase, German. */
  static final List<String> QUERIES =
      List.of(
          "fever",
          "headache",
          "pain",
          "blood pressure",
          "\"blood pressure\"",
          "insulin dose",
          "ibuprofen",
          "rash throat",
          "antibiotics prescription",
          "dizzy morning",
          "vaccine",
          "x-ray",
          "Kopfschmerz",
          "Fieber Husten",
          "Tablette",
          "rare0042",
          "rare1337",
          "rare7777 fever",
          "rare19999",
          "scan results");

  private final double[] cumulative;
  private final String[] words;

  Corpus() {
    int all = COMMON.size() + RARE;
    words = new String[all];
    cumulative = new double[all];
    double sum = 0;
    for (int i = 0; i < all; i++) {
      words[i] = i < COMMON.size() ? COMMON.get(i) : String.format("rare%04d", i - COMMON.size());
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < all; i++) {
      cumulative[i] /= sum;
    }
  }

  String sentence(SplittableRandom random) {
    int length = 6 + random.nextInt(25);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(word(random.nextDouble()));
    }
    return text.append('.').toString();
  }

  private String word(double at) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < at) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return words[low];
  }

  /**
   * Stores {@code count} messages: nine tenths in the pair consultations {@code [0, pairs)}, one
   * tenth in the rooms of these sizes, numbered after what each conversation holds already, sent
   * over the last year. Answers the seconds it took, indexes and statistics included.
   */
  double load(int count, int pairs, List<Integer> roomSizes) throws SQLException, IOException {
    long began = System.nanoTime();
    Instant start = Instant.now().minus(365, ChronoUnit.DAYS);
    long step = ChronoUnit.MILLIS.between(start, Instant.now()) / Math.max(1, count);
    List<Integer> rooms = roomSizes.stream().distinct().toList();
    try (Connection db = connect()) {
      Map<Long, Long> seqs = lastSeqs(db);
      long firstId = firstFreeId(db);
      // Seeded by where the load starts: the same text on a fresh database, other text on top.
      SplittableRandom random = new SplittableRandom(firstId);
      PGConnection copy = db.unwrap(PGConnection.class);
      int chunk = 20_000;
      for (int from = 0; from < count; from += chunk) {
        StringBuilder rows = new StringBuilder(chunk * 160);
        for (int i = from; i < Math.min(count, from + chunk); i++) {
          long conversation;
          long sender;
          if (rooms.isEmpty() || i % 10 != 9) {
            int pair = random.nextInt(pairs);
            conversation = BenchDatabase.PAIR_BASE + pair;
            sender = BenchDatabase.ACCOUNT_BASE + 2L * pair + random.nextInt(2);
          } else {
            int size = rooms.get(random.nextInt(rooms.size()));
            conversation = BenchDatabase.roomId(size);
            sender = BenchDatabase.ACCOUNT_BASE + random.nextInt(size);
          }
          long seq = seqs.merge(conversation, 1L, Long::sum);
          rows.append(firstId + i)
              .append('\t')
              .append(conversation)
              .append('\t')
              .append(seq)
              .append('\t')
              .append(sender)
              .append('\t')
              .append(new UUID(random.nextLong(), random.nextLong()))
              .append("\tTEXT\t")
              .append(sentence(random))
              .append('\t')
              .append(start.plusMillis(step * i))
              .append('\n');
        }
        copy.getCopyAPI()
            .copyIn(
                "copy message (id, conversation_id, seq, sender_id, client_id, kind, body,"
                    + " created_at) from stdin",
                new StringReader(rows.toString()));
      }
      try (Statement sql = db.createStatement()) {
        sql.execute(
            "update conversation c set last_seq = m.last from (select conversation_id,"
                + " max(seq) as last from message group by conversation_id) m"
                + " where m.conversation_id = c.id and c.last_seq < m.last");
        sql.execute("vacuum analyze message");
      }
    }
    return (System.nanoTime() - began) / 1e9;
  }

  /** Above the ids of an earlier load, so that loading again adds to it. */
  private static long firstFreeId(Connection db) throws SQLException {
    try (PreparedStatement query =
            db.prepareStatement("select coalesce(max(id) + 1, ?) from message where id >= ?");
        ResultSet rows = bind(query).executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static PreparedStatement bind(PreparedStatement query) throws SQLException {
    query.setLong(1, MESSAGE_BASE);
    query.setLong(2, MESSAGE_BASE);
    return query;
  }

  private static Map<Long, Long> lastSeqs(Connection db) throws SQLException {
    Map<Long, Long> seqs = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement("select id, last_seq from conversation");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        seqs.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return seqs;
  }

  private static Connection connect() throws SQLException {
    Connection db =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/consultchat_bench", "postgres", "postgres");
    db.setAutoCommit(true);
    return db;
  }
}

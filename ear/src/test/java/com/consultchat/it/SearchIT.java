package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.control.Samples;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Searching messages from the search page, as people do: each finds only the conversations they may
 * read, never a deleted, replaced or purged text, the best match first, with the matching words
 * marked and everything else escaped. Every test searches for words of its own, so earlier tests'
 * messages never match.
 */
class SearchIT {

  private static final Pattern HIT =
      Pattern.compile(
          "<li class=\"search-hit\" data-conversation=\"(\\d+)\" data-seq=\"(\\d+)\">(.*?)</li>",
          Pattern.DOTALL);

  @Test
  void eachPersonFindsOnlyTheConversationsTheyTakePartIn() {
    String word = word();
    TakenConsultation anna = TakenConsultation.create("Cough");
    TakenConsultation ben = TakenConsultation.create("Rash");
    WebClient uninvolved = WebClient.newStaff();
    post(anna.patient(), anna.conversation(), "A " + word + " since Monday");
    post(ben.patient(), ben.conversation(), "The " + word + " again");

    assertThat(conversations(search(anna.patient(), word))).containsExactly(anna.conversation());
    assertThat(conversations(search(anna.staff(), word))).containsExactly(anna.conversation());
    assertThat(conversations(search(ben.patient(), word))).containsExactly(ben.conversation());
    assertThat(conversations(search(ben.staff(), word))).containsExactly(ben.conversation());
    assertThat(search(uninvolved, word)).isEmpty();
    // A conversation chosen in the address that is not one's own finds nothing either.
    assertThat(search(anna.patient(), word, "&in=" + ben.conversation())).isEmpty();
  }

  @Test
  void staffWhoHandedAConsultationOverNoLongerFindItsMessages() {
    String word = word();
    TakenConsultation chat = TakenConsultation.create("Knee");
    WebClient colleague = WebClient.newStaff();
    post(chat.patient(), chat.conversation(), "My " + word + " hurts");
    assertThat(search(chat.staff(), word)).hasSize(1);

    chat.staff()
        .submit(
            chat.chatPath(),
            "transfer",
            Map.of("target", chat.transferOption(colleague), "note", "Knee specialist"),
            "submit");

    assertThat(search(colleague, word)).hasSize(1);
    assertThat(search(chat.staff(), word)).isEmpty();
  }

  @Test
  void roomMembersFindPostsUnderPseudonymsAndNobodyElseFindsThem() {
    String word = word();
    WebClient staff = WebClient.newStaff();
    WebClient member = WebClient.newPatient();
    WebClient outsider = WebClient.newPatient();
    long room = Rooms.create(staff, WebClient.unique("Asthma"), true, false);
    Rooms.join(member, room, "Calm Badger");
    long conversation = Rooms.conversation(member, room);
    post(member, conversation, "Inhaler and " + word + " at night");

    List<String> hits = search(staff, word);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0)).contains("Calm Badger").doesNotContain(member.username);
    assertThat(conversations(search(member, word))).containsExactly(conversation);
    assertThat(search(outsider, word)).isEmpty();
  }

  @Test
  void deletedAndReplacedTextsAreNeverFoundAndAnEditIsFoundByItsNewText() {
    String before = word();
    String after = word();
    String deleted = word();
    TakenConsultation chat = TakenConsultation.create("Dose");
    try (SocketClient patient = SocketClient.open(chat.patient())) {
      patient.send(chat.conversation(), "I take " + before + " daily");
      long edited = patient.next("ack").getJsonNumber("seq").longValue();
      patient.sendFrame(
          ClosedConsultation.change(
              "edit", chat.conversation(), edited, "I take " + after + " daily"));
      patient.next("ack");
      patient.send(chat.conversation(), "Wrong chat " + deleted);
      long removed = patient.next("ack").getJsonNumber("seq").longValue();
      patient.sendFrame(ClosedConsultation.change("delete", chat.conversation(), removed, null));
      patient.next("ack");

      assertThat(search(chat.patient(), before)).isEmpty();
      assertThat(seqs(search(chat.staff(), after))).containsExactly(edited);
      assertThat(search(chat.patient(), deleted)).isEmpty();
      assertThat(search(WebClient.admin(), deleted)).isEmpty();
    }
  }

  @Test
  void purgedMessagesAreNeverFound() {
    String word = word();
    TakenConsultation chat = TakenConsultation.create("Old question");
    post(chat.patient(), chat.conversation(), "Long ago " + word);
    chat.staff().submit(chat.chatPath(), "close", Map.of("summary", "Answered"), "submit");
    assertThat(search(chat.patient(), word)).hasSize(1);

    Database.execute(
        "update consultation set closed_at = now() - interval '11 years' where id = ?", chat.id());
    WebClient.admin().submit("/admin/retention.xhtml", "purge", Map.of(), "purge-now");

    assertThat(Database.messagesIn(chat.conversation())).isZero();
    assertThat(search(chat.patient(), word)).isEmpty();
    assertThat(search(WebClient.admin(), word)).isEmpty();
  }

  @Test
  void roomPostsOfAnErasedPatientAreNeverFound() {
    String word = word();
    WebClient staff = WebClient.newStaff();
    WebClient patient = WebClient.newPatient();
    WebClient member = WebClient.newPatient();
    long room = Rooms.create(staff, WebClient.unique("Migraine"), true, false);
    Rooms.join(patient, room, "Quiet Lynx");
    Rooms.join(member, room, "Bold Finch");
    long conversation = Rooms.conversation(patient, room);
    long account = patient.accountId();
    post(patient, conversation, "My " + word + " diary");
    assertThat(search(member, word)).hasSize(1);

    patient.submit("/account/data.xhtml", "erase", Map.of("understood_input", "on"), "submit");
    long request = Database.count("select id from erasure_request where account_id = ?", account);
    WebClient.admin()
        .press(
            "/admin/erasure.xhtml",
            "erasures",
            "data-request=\"" + request + "\"",
            "carryOut",
            Map.of());

    assertThat(
            Database.count(
                "select count(*) from account where id = ? and status = 'ERASED'", account))
        .isEqualTo(1);
    assertThat(search(member, word)).isEmpty();
    assertThat(search(staff, word)).isEmpty();
    assertThat(search(WebClient.admin(), word)).isEmpty();
  }

  @Test
  void closerAndMoreFrequentMatchesRankFirstAndOtherFormsOfAWordMatchInEnglishAndGerman() {
    String word = word();
    TakenConsultation chat = TakenConsultation.create("Fever");
    long far =
        post(
            chat.patient(),
            chat.conversation(),
            "The "
                + word
                + " came first, and many days later, after the long weekend, a fever came too");
    long close = post(chat.patient(), chat.conversation(), "A " + word + " fever every evening");
    long twice =
        post(chat.patient(), chat.conversation(), word + " fever, then " + word + " fever again");
    long german =
        post(chat.patient(), chat.conversation(), "Seit Montag " + word + " und Kopfschmerzen");

    assertThat(seqs(search(chat.staff(), word + " fevers"))).containsExactly(twice, close, far);
    assertThat(seqs(search(chat.staff(), word + " Kopfschmerz"))).containsExactly(german);
  }

  @Test
  void aHyphenatedWordFindsOnlyTheMessagesWritingItHyphenated() {
    String first = word();
    String second = word();
    String hyphenated = first + "-" + second;
    TakenConsultation chat = TakenConsultation.create("Imaging");
    long written = post(chat.patient(), chat.conversation(), "The " + hyphenated + " is clear");
    long capitalised =
        post(
            chat.patient(),
            chat.conversation(),
            "Upper-case " + hyphenated.toUpperCase(Locale.ROOT));
    post(chat.patient(), chat.conversation(), "Not " + first + " " + second + " apart");
    post(chat.patient(), chat.conversation(), "Nor " + second + "-" + first + " reversed");

    assertThat(seqs(search(chat.staff(), hyphenated)))
        .containsExactlyInAnyOrder(written, capitalised);
    assertThat(seqs(search(WebClient.admin(), hyphenated)))
        .containsExactlyInAnyOrder(written, capitalised);
    assertThat(seqs(search(chat.staff(), "\"" + first + " " + second + "\""))).hasSize(3);
  }

  @Test
  void aWordInVeryManyMessagesRanksAmongTheNewestAndThePageSaysSo() {
    String word = word();
    TakenConsultation chat = TakenConsultation.create("Diary");
    long oldest =
        post(chat.patient(), chat.conversation(), word + " " + word + " " + word + " " + word);
    int newer = 2000;
    Database.execute(
        "with base as (select setval('message_seq', nextval('message_seq') + ?) - ? as first)"
            + " insert into message (id, conversation_id, seq, sender_id, client_id, kind, body,"
            + " created_at)"
            + " select base.first + g, ?, ? + g, ?, gen_random_uuid(), 'TEXT',"
            + " 'Day ' || g || ': ' || ?, now() + g * interval '1 millisecond'"
            + " from base, generate_series(1, ?) g",
        newer + 100,
        newer + 100,
        chat.conversation(),
        oldest,
        chat.patient().accountId(),
        word,
        newer);
    Database.execute(
        "update conversation set last_seq = ? where id = ?", oldest + newer, chat.conversation());

    HttpResponse<String> page =
        chat.patient().get("/search/index.xhtml?q=" + WebClient.percent(word));

    assertThat(page.body()).contains("id=\"search-newest\"");
    List<Long> first = seqs(search(chat.patient(), word));
    assertThat(first).hasSize(20).doesNotContain(oldest);
    assertThat(page.body()).contains("id=\"search-more\"");
    assertThat(seqs(search(chat.patient(), word, "&page=1")))
        .hasSize(20)
        .doesNotContainAnyElementsOf(first);
    assertThat(seqs(search(chat.patient(), word + " -Day"))).containsExactly(oldest);
  }

  @Test
  void matchesAreMarkedAndEverythingTheSenderWroteIsEscaped() {
    String word = word();
    TakenConsultation chat = TakenConsultation.create("Markup");
    post(chat.patient(), chat.conversation(), "If 5 < 6 & \"x\" > 'y' then " + word + " hurts");

    List<String> hits = search(chat.staff(), word);

    assertThat(hits).hasSize(1);
    assertThat(hits.get(0))
        .contains("<mark>" + word + "</mark>")
        .contains("5 &lt; 6 &amp;")
        .doesNotContain("5 < 6");
    assertThat(hits.get(0)).contains("/consultation/chat.xhtml?id=" + chat.id() + "&amp;seq=");
  }

  @Test
  void filtersNarrowByConversationSenderDaysAndFiles() {
    String word = word();
    TakenConsultation first = TakenConsultation.create("First");
    TakenConsultation second =
        new TakenConsultation(
            first.patient(), first.staff(), first.patient().requestConsultation("Second"), 0);
    first.staff().take(second.id());
    long secondConversation = first.patient().conversationOf(second.id());
    long mine = post(first.patient(), first.conversation(), "Mine " + word);
    long theirs = post(first.staff(), first.conversation(), "Theirs " + word);
    post(first.patient(), secondConversation, "Elsewhere " + word);
    HttpResponse<String> upload =
        first
            .patient()
            .upload(
                first.conversation(),
                UUID.randomUUID().toString(),
                "scan.pdf",
                "Scan " + word,
                Samples.pdf());
    assertThat(upload.statusCode()).as(upload.body()).isLessThan(300);

    assertThat(search(first.patient(), word)).hasSize(4);
    assertThat(conversations(search(first.patient(), word, "&in=" + secondConversation)))
        .containsExactly(secondConversation);
    assertThat(seqs(search(first.patient(), word, "&in=" + first.conversation() + "&from=me")))
        .contains(mine)
        .doesNotContain(theirs);
    assertThat(
            seqs(
                search(
                    first.patient(),
                    word,
                    "&in=" + first.conversation() + "&from=" + first.staff().accountId())))
        .containsExactly(theirs);
    assertThat(search(first.patient(), word, "&files=1"))
        .hasSize(1)
        .allMatch(hit -> hit.contains("Scan"));
    assertThat(search(first.patient(), word, "&until=2020-01-01")).isEmpty();
    assertThat(search(first.patient(), word, "&since=2020-01-01")).hasSize(4);
  }

  @Test
  void anAdministratorFindsEverythingAndEachSearchIsAuditedWithoutItsWords() {
    String word = word();
    TakenConsultation anna = TakenConsultation.create("Admin sees");
    TakenConsultation ben = TakenConsultation.create("Admin sees too");
    post(anna.patient(), anna.conversation(), "First " + word);
    post(ben.staff(), ben.conversation(), "Second " + word);
    WebClient admin = WebClient.admin();

    assertThat(conversations(search(admin, word)))
        .containsExactlyInAnyOrder(anna.conversation(), ben.conversation());

    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'MESSAGES_SEARCHED'"
                    + " and actor_id = ? and admin_access and detail like ? and detail like ?",
                admin.accountId(),
                "%" + anna.conversation() + "%",
                "%" + ben.conversation() + "%"))
        .isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from audit_event where lower(coalesce(detail, '')) like ?",
                "%" + word + "%"))
        .isZero();
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'MESSAGES_SEARCHED'"
                    + " and actor_id = ?",
                anna.patient().accountId()))
        .isZero();
  }

  /** A word no other test writes: letters only, so every parser keeps it whole. */
  private static String word() {
    StringBuilder word = new StringBuilder("qz");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString().toLowerCase(Locale.ROOT);
  }

  private static long post(WebClient client, long conversation, String body) {
    try (SocketClient socket = SocketClient.open(client)) {
      socket.send(conversation, body);
      return socket.next("ack").getJsonNumber("seq").longValue();
    }
  }

  private static List<String> search(WebClient client, String words) {
    return search(client, words, "");
  }

  /** The hits of the search page, best first, each as its markup. */
  private static List<String> search(WebClient client, String words, String filters) {
    HttpResponse<String> page =
        client.get("/search/index.xhtml?q=" + WebClient.percent(words) + filters);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("search-error");
    List<String> hits = new ArrayList<>();
    Matcher hit = HIT.matcher(page.body());
    while (hit.find()) {
      hits.add(hit.group());
    }
    return hits;
  }

  private static List<Long> conversations(List<String> hits) {
    return attribute(hits, 1);
  }

  private static List<Long> seqs(List<String> hits) {
    return attribute(hits, 2);
  }

  private static List<Long> attribute(List<String> hits, int group) {
    return hits.stream()
        .map(
            hit -> {
              Matcher matcher = HIT.matcher(hit);
              matcher.find();
              return Long.parseLong(matcher.group(group));
            })
        .distinct()
        .toList();
  }
}

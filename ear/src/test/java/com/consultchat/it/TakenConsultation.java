package com.consultchat.it;

/** A patient's consultation, taken by a member of staff: the starting point of most chat tests. */
record TakenConsultation(WebClient patient, WebClient staff, long id, long conversation) {

  static TakenConsultation create(String subject) {
    return create(subject, TestServer.BASE_URL);
  }

  static TakenConsultation create(String subject, String base) {
    WebClient patient = WebClient.newPatient(base);
    WebClient staff = WebClient.newStaff(base);
    long id = patient.requestConsultation(subject);
    staff.take(id);
    return new TakenConsultation(patient, staff, id, patient.conversationOf(id));
  }

  /**
   * Puts {@code count} patient's messages of about 1,500 characters each (7.5 MB for 5,000)
   * straight into the database, numbered as the server would: the long consultation of the export
   * tests.
   */
  void fillWithLongMessages(int count) {
    Database.execute(
        "insert into message (id, conversation_id, seq, sender_id, client_id, kind, body,"
            + " created_at) select -(? * 10000 + g), ?, g, a.id, gen_random_uuid(), 'TEXT',"
            + " 'Message ' || g || ': ' || repeat('Pain in the lower back, worse when sitting. ',"
            + " 34), now() from generate_series(1, ?) g, account a where a.username = ?",
        conversation,
        conversation,
        count,
        patient.username);
    Database.execute(
        "update conversation set last_seq = ? where id = ?", (long) count, conversation);
  }

  String chatPath() {
    return "/consultation/chat.xhtml?id=" + id;
  }

  /** The transfer dialog's option value for a colleague, as the specialist's page offers it. */
  String transferOption(WebClient colleague) {
    String page = staff.get(chatPath()).body();
    java.util.regex.Matcher option =
        java.util.regex.Pattern.compile(
                "<option value=\"(staff:\\d+)\"[^>]*>Dr\\. " + colleague.username + "<")
            .matcher(page);
    if (!option.find()) {
      throw new AssertionError(colleague.username + " is not offered for transfer");
    }
    return option.group(1);
  }
}

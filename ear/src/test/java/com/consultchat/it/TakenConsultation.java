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

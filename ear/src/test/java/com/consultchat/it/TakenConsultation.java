package com.consultchat.it;

/** A patient's consultation, taken by a member of staff: the starting point of most chat tests. */
record TakenConsultation(WebClient patient, WebClient staff, long id, long conversation) {

  static TakenConsultation create(String subject) {
    WebClient patient = WebClient.newPatient();
    WebClient staff = WebClient.newStaff();
    long id = patient.requestConsultation(subject);
    staff.take(id);
    return new TakenConsultation(patient, staff, id, patient.conversationOf(id));
  }

  String chatPath() {
    return "/consultation/chat.xhtml?id=" + id;
  }
}

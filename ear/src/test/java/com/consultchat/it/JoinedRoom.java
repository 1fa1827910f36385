package com.consultchat.it;

/** An open room without review, made by a new member of staff, with one new patient in it. */
record JoinedRoom(WebClient staff, WebClient patient, long room, long conversation) {

  static JoinedRoom create(String name, String handle) {
    WebClient staff = WebClient.newStaff();
    WebClient patient = WebClient.newPatient();
    long room = Rooms.create(staff, name, true, false);
    Rooms.join(patient, room, handle);
    return new JoinedRoom(staff, patient, room, Rooms.conversation(patient, room));
  }
}

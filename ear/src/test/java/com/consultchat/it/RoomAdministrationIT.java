package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administrator's rooms page: every room with its activity, a rename, and a deletion that takes
 * the messages with it, tells the members' sockets and is audited.
 */
class RoomAdministrationIT {

  @Test
  void theOverviewShowsMembersAndMessagesAndARenameIsAudited() {
    WebClient staff = WebClient.newStaff();
    String name = WebClient.unique("Overview room");
    long room = Rooms.create(staff, name, true, false);
    WebClient patient = WebClient.newPatient();
    Rooms.join(patient, room, WebClient.unique("Pseudo"));
    long conversation = Rooms.conversation(patient, room);
    try (SocketClient socket = SocketClient.open(patient)) {
      socket.send(conversation, "Hello room");
      socket.next("ack");
    }
    WebClient admin = WebClient.admin();

    String overview = row(admin.get("/admin/rooms.xhtml").body(), room);
    assertThat(overview).contains(name).contains("class=\"members\">2<");
    assertThat(overview).contains("class=\"recent\">1<");

    String renamed = WebClient.unique("Renamed room");
    HttpResponse<String> saved =
        post(
            admin,
            room,
            "edit",
            "save",
            Map.of("name", renamed, "topic", "Diabetes", "description", "Changed"));
    assertThat(saved.body()).contains("Saved the room " + renamed);
    assertThat(
            Database.count(
                "select count(*) from focus_group where id = ? and name = ?", room, renamed))
        .isEqualTo(1);
    assertThat(audited("ROOM_EDITED", room)).isEqualTo(1);

    HttpResponse<String> refused =
        post(admin, room, "edit", "save", Map.of("name", " ", "topic", "Diabetes"));
    assertThat(refused.body()).contains("A room needs a name.");
    assertThat(staff.get("/admin/rooms.xhtml").statusCode()).isEqualTo(403);
  }

  @Test
  void deletingARoomRemovesItsMessagesTellsItsMembersAndIsAudited() {
    WebClient staff = WebClient.newStaff();
    long room = Rooms.create(staff, WebClient.unique("Doomed room"), true, false);
    WebClient patient = WebClient.newPatient();
    Rooms.join(patient, room, WebClient.unique("Pseudo"));
    long conversation = Rooms.conversation(patient, room);
    try (SocketClient socket = SocketClient.open(patient)) {
      socket.send(conversation, "Soon gone");
      socket.next("ack");

      HttpResponse<String> deleted = post(WebClient.admin(), room, "delete", "submit", Map.of());

      assertThat(deleted.body()).contains("Deleted the room");
      JsonObject gone = socket.next("room-deleted");
      assertThat(gone.getJsonNumber("room").longValue()).isEqualTo(room);
    }
    assertThat(Database.count("select count(*) from focus_group where id = ?", room)).isZero();
    assertThat(Database.messagesIn(conversation)).isZero();
    assertThat(Database.count("select count(*) from conversation where id = ?", conversation))
        .isZero();
    assertThat(audited("ROOM_DELETED", room)).isEqualTo(1);
    assertThat(patient.get(Rooms.path(room)).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> post(
      WebClient admin, long room, String form, String button, Map<String, String> fields) {
    HttpResponse<String> page = admin.get("/admin/rooms.xhtml");
    // The room's own form of that kind: the one whose hidden field names the room.
    String marker = "name=\"room\" value=\"" + room + "\"";
    Matcher forms =
        Pattern.compile("<form id=\"(rooms:\\d+:" + form + ")\"(.*?)</form>", Pattern.DOTALL)
            .matcher(page.body());
    String formId = null;
    while (forms.find()) {
      if (forms.group(2).contains(marker)) {
        formId = forms.group(1);
      }
    }
    assertThat(formId).as("the %s form of room %d", form, room).isNotNull();
    Map<String, String> values = new LinkedHashMap<>(fields);
    values.put("room", String.valueOf(room));
    values.put(formId + ":" + button, "");
    return admin.postForm(page, formId, values);
  }

  private static String row(String page, long room) {
    int start = page.indexOf("data-room=\"" + room + "\"");
    assertThat(start).as("room %d listed", room).isPositive();
    int end = page.indexOf("</tr>", start);
    return page.substring(start, end);
  }

  private static long audited(String action, long room) {
    return Database.count(
        "select count(*) from audit_event where action = ? and target_type = 'ROOM' and target_id = ?",
        action,
        room);
  }
}

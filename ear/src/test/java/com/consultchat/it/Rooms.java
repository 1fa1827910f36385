package com.consultchat.it;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Focus group rooms driven through their pages, as people use them. */
final class Rooms {

  private Rooms() {}

  static String path(long room) {
    return "/rooms/room.xhtml?id=" + room;
  }

  /** A member of staff creates a room and lands in it; returns its id. */
  static long create(WebClient staff, String name, boolean open, boolean hold) {
    Map<String, String> fields = new HashMap<>();
    fields.put("name", name);
    fields.put("topic", "Diabetes");
    fields.put("description", "For people living with " + name);
    if (open) {
      fields.put("open", "on");
    }
    if (hold) {
      fields.put("hold", "on");
    }
    HttpResponse<String> room = staff.submit("/rooms/index.xhtml", "create", fields, "submit");
    if (!room.uri().getPath().endsWith("/rooms/room.xhtml")) {
      throw new IllegalStateException("Room not created: " + room.uri() + "\n" + room.body());
    }
    return Long.parseLong(room.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
  }

  /** A patient joins (or asks to join) from the directory under a pseudonym; returns the page. */
  static HttpResponse<String> join(WebClient patient, long room, String pseudonym) {
    return patient.submit(
        "/rooms/index.xhtml",
        "join",
        Map.of("room", String.valueOf(room), "pseudonym", pseudonym),
        "submit");
  }

  static HttpResponse<String> joinAsStaff(WebClient staff, long room) {
    return staff.submit(path(room), "join", Map.of(), "submit");
  }

  /** The room's conversation id from its page; fails for those who may not read it. */
  static long conversation(WebClient member, long room) {
    HttpResponse<String> page = member.get(path(room));
    Matcher matcher = Pattern.compile("data-conversation=\"(\\d+)\"").matcher(page.body());
    if (!matcher.find()) {
      throw new IllegalStateException("No chat on the room page: " + page.statusCode());
    }
    return Long.parseLong(matcher.group(1));
  }

  /** A moderator's button in a member's row of the side panel (mute, remove, ban, approve...). */
  static HttpResponse<String> onMember(
      WebClient staff, long room, long account, String button, Map<String, String> fields) {
    return staff.press(path(room), "side", "data-account=\"" + account + "\"", button, fields);
  }

  static HttpResponse<String> onMessage(WebClient staff, long room, long seq, String action) {
    return staff.submit(path(room), "msg", Map.of("seq", String.valueOf(seq)), action);
  }

  static HttpResponse<String> report(WebClient member, long room, long seq, String reason) {
    return member.submit(
        path(room), "report", Map.of("seq", String.valueOf(seq), "reason", reason), "submit");
  }

  static long accountId(String username) {
    return Database.count("select id from account where username = ?", username);
  }
}

package com.consultchat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads and writes the few XMPP stanzas the peer clients use, one per WebSocket frame as RFC 7395
 * frames them, without an XML library on the hot path. The server's frames are read by their first
 * element's name and attributes; the harness's own bodies contain no markup or entities.
 */
final class XmppFrames {

  private XmppFrames() {}

  /** The name of the frame's outermost element, with its prefix: "message", "stream:features". */
  static String name(String frame) {
    int start = frame.indexOf('<');
    if (start < 0) {
      return "";
    }
    int end = start + 1;
    while (end < frame.length() && " \t\r\n/>".indexOf(frame.charAt(end)) < 0) {
      end++;
    }
    return frame.substring(start + 1, end);
  }

  /** An attribute of the outermost element (either quote style), or null. */
  static String attribute(String frame, String name) {
    int tagEnd = frame.indexOf('>');
    String tag = tagEnd < 0 ? frame : frame.substring(0, tagEnd);
    for (char quote : new char[] {'\'', '"'}) {
      String key = " " + name + "=" + quote;
      int at = tag.indexOf(key);
      if (at >= 0) {
        int from = at + key.length();
        int to = tag.indexOf(quote, from);
        return to < 0 ? null : tag.substring(from, to);
      }
    }
    return null;
  }

  /** The text of the first {@code <element>} without attributes, or null. */
  static String text(String frame, String element) {
    int start = frame.indexOf("<" + element + ">");
    if (start < 0) {
      return null;
    }
    int from = start + element.length() + 2;
    int to = frame.indexOf("</" + element + ">", from);
    return to < 0 ? null : frame.substring(from, to);
  }

  static String open(String domain) {
    return "<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" to=\""
        + domain
        + "\" version=\"1.0\"/>";
  }

  /** SASL PLAIN (RFC 4616): no authorization identity, the username, the password. */
  static String authPlain(String username, String password) {
    String credentials = "\0" + username + "\0" + password;
    return "<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"PLAIN\">"
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
        + "</auth>";
  }

  static String bind(String id, String resource) {
    return "<iq xmlns=\"jabber:client\" type=\"set\" id=\""
        + id
        + "\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"><resource>"
        + resource
        + "</resource></bind></iq>";
  }

  /** Initial presence: from now on messages to the bare JID reach this resource. */
  static String presence() {
    return "<presence xmlns=\"jabber:client\"/>";
  }

  /** XEP-0199 ping of the server, answered with an empty result. */
  static String ping(String domain, String id) {
    return "<iq xmlns=\"jabber:client\" type=\"get\" to=\""
        + domain
        + "\" id=\""
        + id
        + "\"><ping xmlns=\"urn:xmpp:ping\"/></iq>";
  }

  static String chat(String to, String id, String body) {
    return message("chat", to, id, body);
  }

  static String groupchat(String room, String id, String body) {
    return message("groupchat", room, id, body);
  }

  /**
   * Enters a room as {@code occupant} (room@service/nick), asking for none of its history: the join
   * costs the same whatever the room said before.
   */
  static String join(String occupant) {
    return "<presence xmlns=\"jabber:client\" to=\""
        + occupant
        + "\"><x xmlns=\"http://jabber.org/protocol/muc\"><history maxstanzas=\"0\"/></x></presence>";
  }

  /** Whether a room's presence carries the status code, such as 110 for the occupant's own. */
  static boolean hasStatus(String frame, int code) {
    return frame.contains("<status code='" + code + "'/>")
        || frame.contains("<status code=\"" + code + "\"/>");
  }

  private static String message(String type, String to, String id, String body) {
    return "<message xmlns=\"jabber:client\" to=\""
        + to
        + "\" type=\""
        + type
        + "\" id=\""
        + id
        + "\"><body>"
        + body
        + "</body></message>";
  }

  /**
   * The body of a benchmark message: {@link Frames#body}'s send time and number, then the sender's
   * own sequence number, which XMPP does not assign.
   */
  static String body(long sentNanos, int number, long seq) {
    return "b|" + sentNanos + "|" + number + "|" + seq + "|consultation message of ordinary length";
  }

  /** The sender's sequence number: the fourth field of {@link #body}; -1 if there is none. */
  static long seq(String body) {
    int at = -1;
    for (int field = 0; field < 3; field++) {
      at = body.indexOf('|', at + 1);
      if (at < 0) {
        return -1;
      }
    }
    int end = body.indexOf('|', at + 1);
    return end < 0 ? -1 : Long.parseLong(body.substring(at + 1, end));
  }
}

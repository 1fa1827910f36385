package com.consultchat.bench;

import static com.consultchat.bench.Targets.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Markdown summary's detail sections, from the scenarios' results. */
final class Sections {

  private final Report report;

  Sections(Report report) {
    this.report = report;
  }

  void hold(Map<String, Object> consultchat, Map<String, Object> bare) {
    if (consultchat == null && bare == null) {
      return;
    }
    List<String> md = new ArrayList<>();
    md.add("| | ConsultChat | bare Undertow |");
    md.add("|---|---|---|");
    row(md, "sockets open after the hold", consultchat, bare, "memory", "sockets_open_after_hold");
    row(md, "logins per second (1-iteration hash)", consultchat, bare, "logins", "per_second");
    row(md, "handshakes per second", consultchat, bare, "handshakes", "per_second");
    row(md, "handshake latency p99 (ms)", consultchat, bare, "handshakes", "latency", "p99_ms");
    row(md, "CPU % during logins", consultchat, bare, "logins", "cpu");
    row(md, "CPU % during handshakes", consultchat, bare, "handshakes", "cpu");
    row(md, "live heap per socket (KB)", consultchat, bare, "memory", "heap_per_socket_kb");
    row(
        md,
        "live heap per HTTP session (KB)",
        consultchat,
        bare,
        "memory",
        "heap_per_http_session_kb");
    row(
        md,
        "RSS outside the heap per person (KB)",
        consultchat,
        bare,
        "memory",
        "rss_outside_heap_per_person_kb");
    row(
        md,
        "RSS per person: outside the heap + live heap (KB)",
        consultchat,
        bare,
        "memory",
        "rss_per_person_kb");
    row(md, "live heap with all sockets (MB)", consultchat, bare, "memory", "heap_with_sockets_mb");
    row(md, "RSS with all sockets (MB)", consultchat, bare, "memory", "rss_with_sockets_mb");
    if (consultchat != null) {
      md.add("");
      md.add(
          "Biggest growth per socket (bytes): `"
              + map(consultchat, "memory").get("socket_classes_bytes_each")
              + "`");
      md.add("");
      md.add(
          "Biggest growth per HTTP session (bytes): `"
              + map(consultchat, "memory").get("session_classes_bytes_each")
              + "`");
      md.add("");
      md.add(
          "Native memory committed during logins, handshakes and hold (KB, NMT): `"
              + map(consultchat, "memory").get("native_growth_kb_by_category")
              + "`");
      md.add("");
      md.add("Production hash: `" + consultchat.get("production_kdf") + "`");
      profile(md, "logins", map(map(consultchat, "logins"), "profile"));
      profile(md, "handshakes", map(map(consultchat, "handshakes"), "profile"));
    }
    report.section("Hold: idle authenticated sockets", md);
  }

  void oneToOne(
      Map<String, Object> consultchat, Map<String, Object> bare, Map<String, Object> peer) {
    List<String> md = new ArrayList<>();
    md.add(
        "| target | offered/s | delivered/s in step | p50 | p90 | p99 | p99.9 | max (ms) | ack p99 (ms)"
            + " | lost/dup/reord | CPU % server / db / clients / other / machine |");
    md.add("|---|---|---|---|---|---|---|---|---|---|---|");
    List<Map<String, Object>> profiles = new ArrayList<>();
    for (Map<String, Object> result :
        new ArrayList<>(java.util.Arrays.asList(consultchat, bare, peer))) {
      if (result == null) {
        continue;
      }
      for (Object item : (List<?>) result.get("steps")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) item;
        Map<String, Object> l = map(s, "latency_to_recipient");
        Map<String, Object> cpu = map(s, "cpu");
        md.add(
            "| "
                + result.get("target")
                + " | "
                + s.get("offered_per_second")
                + " | "
                + s.get("delivered_per_second_in_window")
                + " | "
                + l.get("p50_ms")
                + " | "
                + l.get("p90_ms")
                + " | "
                + l.get("p99_ms")
                + " | "
                + l.get("p99_9_ms")
                + " | "
                + l.get("max_ms")
                + " | "
                + (s.containsKey("latency_to_ack")
                    ? map(s, "latency_to_ack").get("p99_ms")
                    : "none")
                + " | "
                + integrity(s)
                + " | "
                + cpu.get("server_pct")
                + " / "
                + cpu.get("postgres_pct")
                + " / "
                + cpu.get("clients_pct")
                + " / "
                + cpu.get("other_processes_pct")
                + " / "
                + cpu.get("machine_pct")
                + " |");
        if (s.get("profile") != null) {
          profiles.add(s);
        }
      }
    }
    md.add("");
    for (Map<String, Object> s : profiles) {
      md.add(
          "- server CPU % by thread at "
              + s.get("offered_per_second")
              + " msg/s: `"
              + map(s, "cpu").get("server_threads_pct")
              + "`");
    }
    for (Map<String, Object> s : profiles) {
      profile(md, s.get("offered_per_second") + " msg/s", map(s, "profile"));
    }
    if (peer != null) {
      peerNotes(md, peer);
    }
    report.section("One-to-one: pairs at a fixed rate", md);
  }

  /** What differs when the same load goes to ejabberd, so the ratio is read for what it is. */
  private static void peerNotes(List<String> md, Map<String, Object> peer) {
    md.add("");
    md.add(
        "ejabberd "
            + peer.get("ejabberd")
            + " (Debian's package) is the peer: XMPP over WebSocket on loopback, the same client"
            + " JVMs, pairs and rates, its message archive (mod_mam, every chat message, SQL pool of"
            + " 10) in the same PostgreSQL, measured with ConsultChat stopped.");
    md.add("");
    md.add(
        "- **Archive semantics differ.** ejabberd archives each message (a row for the sender and"
            + " one for the recipient) while routing it, and when an insert fails it logs the error"
            + " and delivers the message all the same: nothing tells the sender. ConsultChat acks a"
            + " message only after its commit, and refuses it when the commit fails. XMPP has no"
            + " per-message ack, so ejabberd's rows have no ack latency and its steps are judged on"
            + " delivery alone.");
    List<String> archived = new ArrayList<>();
    for (Object item : (List<?>) peer.get("steps")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) item;
      archived.add(
          s.get("offered_per_second")
              + "/s: "
              + s.get("sent")
              + " sent, "
              + s.get("archived_rows")
              + " archive rows");
    }
    md.add("- Archive rows written per ejabberd step (two per message): " + archived + ".");
  }

  void rooms(Map<String, Object> consultchat, Map<String, Object> bare, Map<String, Object> peer) {
    List<String> md = new ArrayList<>();
    md.add(
        "| target | members | last member has it, per message (ms) | all deliveries p50 / p99 (ms)"
            + " | lost/dup/reord | CPU % server / db / clients / other |");
    md.add("|---|---|---|---|---|---|");
    List<String> fanout = new ArrayList<>();
    for (Map<String, Object> result :
        new ArrayList<>(java.util.Arrays.asList(consultchat, bare, peer))) {
      if (result == null) {
        continue;
      }
      for (Object item : (List<?>) result.get("rooms")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) item;
        Map<String, Object> l = map(r, "latency_all_deliveries");
        md.add(
            "| "
                + result.get("target")
                + " | "
                + r.get("members")
                + " | "
                + r.get("last_member_ms_per_message")
                + " | "
                + l.get("p50_ms")
                + " / "
                + l.get("p99_ms")
                + " | "
                + integrity(r)
                + " | "
                + cpuCell(map(r, "cpu"))
                + " |");
      }
      Map<String, Object> f = map(result, "fanout");
      if (f.isEmpty()) {
        // The peer is compared on the room alone, without the burst.
        continue;
      }
      fanout.add(
          "| "
              + result.get("target")
              + " | "
              + f.get("members")
              + " | "
              + f.get("messages")
              + " | "
              + f.get("deliveries_per_second")
              + " | "
              + f.get("messages_per_second")
              + " | "
              + map(f, "latency_all_deliveries").get("p99_ms")
              + " | "
              + integrity(f)
              + " | "
              + cpuCell(map(f, "cpu"))
              + " |");
    }
    if (!fanout.isEmpty()) {
      md.add("");
      md.add("Fan-out throughput (one sender, burst with a window of unacknowledged messages):");
      md.add("");
      md.add(
          "| target | members | messages | deliveries/s | messages/s | delivery p99 (ms) |"
              + " lost/dup/reord | CPU % server / db / clients / other |");
      md.add("|---|---|---|---|---|---|---|---|");
      md.addAll(fanout);
    }
    if (consultchat != null) {
      for (Object item : (List<?>) consultchat.get("rooms")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) item;
        profile(md, "room of " + r.get("members"), map(r, "profile"));
      }
      profile(md, "fan-out burst", map(map(consultchat, "fanout"), "profile"));
    }
    if (peer != null) {
      peerRoomNotes(md, peer);
    }
    report.section("Room fan-out", md);
  }

  /** How ejabberd's room is set up and measured, so its row is read for what it is. */
  private static void peerRoomNotes(List<String> md, Map<String, Object> peer) {
    @SuppressWarnings("unchecked")
    Map<String, Object> room = (Map<String, Object>) ((List<?>) peer.get("rooms")).get(0);
    md.add("");
    md.add(
        "ejabberd "
            + peer.get("ejabberd")
            + " is the peer of the room, measured with ConsultChat stopped: one persistent"
            + " multi-user chat room (mod_muc) created before the step, members joining with the"
            + " same client JVMs over XMPP on WebSocket; a member counts as joined at its own"
            + " presence from the room (status 110). Joins are announced to nobody else"
            + " (`presence_broadcast: []`) and replay no history (`history_size: 0`, and"
            + " `maxstanzas='0'` in each join).");
    md.add("");
    md.add(
        "- **Archive.** mod_mam archives each room message once, in the room's archive in the same"
            + " PostgreSQL (`mam: true`), before the room sends it out: "
            + peer.get("archived_rows")
            + " rows for "
            + room.get("messages")
            + " messages.");
    md.add(
        "- **No ack.** XMPP has no per-message acknowledgement; the sender's own copy, sent back by"
            + " the room like every other member's, stands in for ConsultChat's ack (the sender"
            + " waits for it before the next message, as for an ack): "
            + room.get("acked")
            + " of "
            + room.get("messages")
            + " came back.");
  }

  /** The table cell "lost/duplicated/reordered" of a step, a room or a burst. */
  static String integrity(Map<String, Object> checked) {
    return checked.get("lost") + "/" + checked.get("duplicated") + "/" + checked.get("reordered");
  }

  private static String cpuCell(Map<String, Object> cpu) {
    return cpu.isEmpty()
        ? "-"
        : cpu.get("server_pct")
            + " / "
            + cpu.get("postgres_pct")
            + " / "
            + cpu.get("clients_pct")
            + " / "
            + cpu.get("other_processes_pct");
  }

  static void profile(List<String> md, String name, Map<String, Object> profile) {
    if (profile.isEmpty()) {
      return;
    }
    md.add("");
    md.add(
        "Profile ("
            + name
            + ", "
            + profile.get("file")
            + ", "
            + profile.get("cpu_samples")
            + " CPU samples, GC "
            + profile.get("gc_count")
            + " collections / "
            + profile.get("gc_pause_ms")
            + " ms paused):");
    md.add("- by layer %: `" + profile.get("by_layer_pct") + "`");
    md.add("- hottest methods %: `" + profile.get("hottest_methods_pct") + "`");
    md.add(
        "- ConsultChat methods on the stack %: `" + profile.get("consultchat_inclusive_pct") + "`");
    md.add("- monitor blocked ms: `" + profile.get("monitor_blocked_ms_by_class") + "`");
  }

  private static void row(
      List<String> md, String label, Map<String, Object> a, Map<String, Object> b, String... path) {
    md.add("| " + label + " | " + at(a, path) + " | " + at(b, path) + " |");
  }

  private static Object at(Map<String, Object> result, String... path) {
    Object value = result;
    for (String key : path) {
      if (!(value instanceof Map<?, ?> map)) {
        return "-";
      }
      value = map.get(key);
    }
    return value == null ? "-" : value;
  }
}

package com.consultchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One room with M members, every member's socket open: one member posts, and the figure is the time
 * until the last member has the message. Then fan-out throughput: a smaller room receives a burst
 * of messages as fast as the sender's window allows, counted in deliveries per second.
 */
final class RoomScenario {

  private final Harness h;

  RoomScenario(Harness harness) {
    this.h = harness;
  }

  Map<String, Object> run() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("target", h.target().name());
    List<Map<String, Object>> rooms = new ArrayList<>();
    for (int members : h.options.integers("rooms")) {
      rooms.add(room(members));
    }
    result.put("rooms", rooms);
    result.put("fanout", fanout());
    return result;
  }

  /** Only the room of {@code members}, without the fan-out burst: what the peer is compared on. */
  Map<String, Object> runRoom(int members) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("target", h.target().name());
    result.put("rooms", List.of(room(members)));
    return result;
  }

  private Map<String, Object> room(int members) {
    int count = h.options.integer("room.messages");
    int interval = h.options.integer("room.interval.ms");
    Map<String, Object> room = open(members);
    room.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
    h.all("reset messages", 30);
    h.all("expect " + count, 30);
    long timeout = count * (long) interval / 1000 + 60;
    CpuMeter cpu = h.cpu();
    Reply sent =
        h.profiled(
            "room-" + members,
            room,
            () -> h.first("send 0 " + count + " " + interval + " 1 " + timeout, timeout + 30));
    List<Reply> arrivals = h.all("await " + 60_000, 120);
    room.put("cpu", cpu.since());
    Map<Integer, long[]> perMessage = new TreeMap<>();
    for (Reply arrival : arrivals) {
      for (String item : arrival.text("messages").split(",")) {
        if (!item.isEmpty()) {
          String[] parts = item.split(":");
          long[] stats = perMessage.computeIfAbsent(Integer.parseInt(parts[0]), n -> new long[2]);
          stats[0] += Long.parseLong(parts[1]);
          stats[1] = Math.max(stats[1], Long.parseLong(parts[2]));
        }
      }
    }
    List<Object> lastDelivery = new ArrayList<>();
    List<Object> reached = new ArrayList<>();
    perMessage
        .values()
        .forEach(
            stats -> {
              lastDelivery.add(Histogram.millis(stats[1]));
              reached.add(stats[0]);
            });
    room.put("messages", count);
    room.put("acked", sent.number("acked"));
    room.put("last_member_ms_per_message", lastDelivery);
    room.put("members_reached_per_message", reached);
    room.put("complete", arrivals.stream().allMatch(r -> r.flag("complete")));
    room.put("latency_all_deliveries", Harness.merged(arrivals, "hist").summary());
    integrity(room, sent);
    h.all("close", 300);
    return room;
  }

  private Map<String, Object> fanout() {
    int members = h.options.integer("fanout.members");
    int count = h.options.integer("fanout.messages");
    int window = h.options.integer("fanout.window");
    Map<String, Object> fanout = open(members);
    fanout.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
    h.all("reset messages", 30);
    h.all("expect " + count, 30);
    CpuMeter cpu = h.cpu();
    Reply sent =
        h.profiled(
            "room-fanout", fanout, () -> h.first("send 0 " + count + " 0 " + window + " 120", 180));
    List<Reply> arrivals = h.all("await " + 120_000, 180);
    fanout.put("cpu", cpu.since());
    long deliveries = Harness.sum(arrivals, "firstSeen");
    double seconds = (Harness.max(arrivals, "lastArrival") - sent.number("first")) / 1e9;
    fanout.put("messages", count);
    fanout.put("sender_window", window);
    fanout.put("acked", sent.number("acked"));
    fanout.put("deliveries", deliveries);
    fanout.put("seconds", HoldScenario.round(seconds * 1000) / 1000);
    fanout.put("deliveries_per_second", Math.round(deliveries / seconds));
    fanout.put("messages_per_second", Math.round(count / seconds));
    fanout.put("complete", arrivals.stream().allMatch(r -> r.flag("complete")));
    fanout.put("latency_all_deliveries", Harness.merged(arrivals, "hist").summary());
    integrity(fanout, sent);
    h.all("close", 300);
    return fanout;
  }

  private Map<String, Object> open(int members) {
    Map<String, Object> room = new LinkedHashMap<>();
    room.put("members", members);
    if (!h.target().bare()) {
      h.logIn(members);
    }
    List<Reply> opened =
        h.all(
            "open 0 "
                + members
                + " "
                + h.options.integer("open.concurrency")
                + " room "
                + BenchDatabase.roomId(members),
            600);
    room.put("sockets", Harness.sum(opened, "opened"));
    return room;
  }

  private void integrity(Map<String, Object> into, Reply sent) {
    List<Reply> checks = h.all("verify " + sent.number("from") + " " + sent.number("to"), 60);
    into.put("lost", Harness.sum(checks, "missing"));
    into.put("duplicated", Harness.sum(checks, "duplicates"));
    into.put("reordered", Harness.sum(checks, "reordered"));
    into.put("unexpected", Harness.sum(checks, "outside"));
  }
}

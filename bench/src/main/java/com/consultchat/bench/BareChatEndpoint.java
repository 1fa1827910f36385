package com.consultchat.bench;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline endpoint: ConsultChat's frames and fan-out without login, database or container
 * services. Members join a conversation by naming it in the URL; sequence numbers are kept in
 * memory, assigned and queued under the conversation's lock so every member sees them in order.
 */
@ServerEndpoint("/chat")
public class BareChatEndpoint {

  private static final Map<Long, Room> ROOMS = new ConcurrentHashMap<>();

  private static final class Room {
    final Set<BareChannel> members = ConcurrentHashMap.newKeySet();
    long lastSeq;
  }

  @OnOpen
  public void open(Session session) {
    Map<String, List<String>> parameters = session.getRequestParameterMap();
    long me = Long.parseLong(parameters.get("me").get(0));
    long conversation = Long.parseLong(parameters.get("conversation").get(0));
    BareChannel channel = new BareChannel(session, me);
    session.getUserProperties().put("channel", channel);
    session.getUserProperties().put("conversation", conversation);
    ROOMS.computeIfAbsent(conversation, id -> new Room()).members.add(channel);
    channel.send("{\"me\":" + me + ",\"type\":\"ready\"}");
  }

  @OnMessage
  public void message(Session session, String text) {
    BareChannel channel = (BareChannel) session.getUserProperties().get("channel");
    String type = Frames.type(text);
    if ("ping".equals(type)) {
      channel.send("{\"type\":\"pong\"}");
      return;
    }
    if (!"send".equals(type)) {
      channel.send("{\"code\":\"unknown-type\",\"type\":\"error\"}");
      return;
    }
    long conversation = Frames.number(text, "conversation");
    String clientId = Frames.text(text, "clientId");
    String body = Frames.text(text, "body");
    Room room = ROOMS.get(conversation);
    if (room == null || !room.members.contains(channel)) {
      channel.send("{\"clientId\":\"" + clientId + "\",\"code\":\"forbidden\",\"type\":\"error\"}");
      return;
    }
    String sentAt = Instant.now().toString();
    long seq;
    synchronized (room) {
      seq = ++room.lastSeq;
      String frame =
          "{\"message\":{\"body\":\""
              + body
              + "\",\"clientId\":\""
              + clientId
              + "\",\"conversation\":"
              + conversation
              + ",\"kind\":\"TEXT\",\"senderId\":"
              + channel.me
              + ",\"senderName\":\"Bench "
              + channel.me
              + "\",\"sentAt\":\""
              + sentAt
              + "\",\"seq\":"
              + seq
              + "},\"type\":\"message\"}";
      room.members.forEach(member -> member.send(frame));
    }
    channel.send(
        "{\"clientId\":\""
            + clientId
            + "\",\"conversation\":"
            + conversation
            + ",\"resend\":false,\"sentAt\":\""
            + sentAt
            + "\",\"seq\":"
            + seq
            + ",\"type\":\"ack\"}");
  }

  @OnClose
  public void close(Session session) {
    leave(session);
  }

  @OnError
  public void error(Session session, Throwable failure) {
    leave(session);
  }

  private static void leave(Session session) {
    BareChannel channel = (BareChannel) session.getUserProperties().get("channel");
    Object conversation = session.getUserProperties().get("conversation");
    if (channel != null && conversation != null) {
      channel.closed();
      Room room = ROOMS.get((Long) conversation);
      if (room != null) {
        room.members.remove(channel);
      }
    }
  }
}

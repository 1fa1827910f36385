package com.consultchat.messaging.boundary;

/**
 * What a browser sends over the socket. One shape for every kind of frame; {@code type} says which
 * fields matter: {@code send} (conversation, clientId, body, optionally kind), {@code sync}
 * (conversation, after, optionally changes: the last change number the client knows), {@code
 * receipt} (conversation, delivered, read), {@code ping}.
 */
public class ClientFrame {
  public String type;
  public Long conversation;
  public String clientId;
  public String body;
  public String kind;
  public Long changes;
  public Long after;
  public Long delivered;
  public Long read;
}

package com.consultchat.messaging.boundary;

/**
 * What a browser sends over the socket. One shape for every kind of frame; {@code type} says which
 * fields matter: {@code send} (conversation, clientId, body), {@code sync} (conversation, after),
 * {@code ping}.
 */
public class ClientFrame {
  public String type;
  public Long conversation;
  public String clientId;
  public String body;
  public Long after;
  public Long delivered;
  public Long read;
  public Long ref;
  public String state;
}

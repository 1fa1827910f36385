package com.consultchat.web.messaging.control;

import java.util.Locale;

/**
 * What a browser sends over the socket. One shape for every kind of frame; {@code type} says which
 * fields matter: {@code send} (conversation, clientId, body, optionally kind), {@code edit}
 * (conversation, clientId, ref, body), {@code delete} (conversation, clientId, ref), {@code sync}
 * (conversation, after), {@code receipt} (conversation, delivered, read), {@code typing}
 * (conversation), {@code presence} (conversation, state), {@code ping}.
 */
public class ClientFrame {
  public String type;
  public Long conversation;
  public String clientId;
  public String body;
  public String kind;
  public Long after;
  public Long delivered;
  public Long read;
  public Long ref;
  public String state;

  /**
   * The language of its sender's page, for the words of an error frame in answer; set by the edge
   * it came through (the socket's page, the poll's session), never read from the frame.
   */
  public Locale locale = Locale.ENGLISH;
}

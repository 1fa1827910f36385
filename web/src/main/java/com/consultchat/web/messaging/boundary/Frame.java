package com.consultchat.web.messaging.boundary;

/**
 * Something the server sends over the socket, written as JSON by the protocol's one encoder. Its
 * {@code type} tells the browser what it is. Messaging's own frames are {@code ServerFrame}s; a
 * feature that pushes frames of its own (a consultation's or a room's change) declares them as
 * records of this type and sends them through {@link Pushes}.
 */
public interface Frame {

  String type();
}

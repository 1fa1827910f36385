package com.consultchat.web.messaging.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A socket session for tests: records the frames written to it and how it was closed. A stalled
 * socket takes frames but reports none written until {@link #flush()}, like a slow network.
 */
final class FakeSocket {

  final List<String> sent = new CopyOnWriteArrayList<>();
  volatile CloseReason closedWith;
  final Session session;
  private final Queue<SendHandler> unfinished = new ArrayDeque<>();
  private volatile boolean stalled;

  FakeSocket(String id) {
    RemoteEndpoint.Async remote =
        (RemoteEndpoint.Async)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendText") && args.length == 2) {
                    sent.add((String) args[0]);
                    finish((SendHandler) args[1]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    session =
        (Session)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getId" -> id;
                      case "getAsyncRemote" -> remote;
                      case "close" -> {
                        closedWith = (CloseReason) args[0];
                        yield null;
                      }
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
  }

  FakeSocket stalled() {
    stalled = true;
    return this;
  }

  /** Reports every frame taken so far as written; the socket's writer then sends the next. */
  void flush() {
    stalled = false;
    SendHandler next;
    while ((next = poll()) != null) {
      next.onResult(new SendResult());
    }
  }

  private synchronized SendHandler poll() {
    return unfinished.poll();
  }

  private void finish(SendHandler handler) {
    if (stalled) {
      synchronized (this) {
        unfinished.add(handler);
      }
    } else {
      handler.onResult(new SendResult());
    }
  }
}

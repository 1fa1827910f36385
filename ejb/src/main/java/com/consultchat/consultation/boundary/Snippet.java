package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.CannedResponse;
import java.io.Serializable;
import java.time.Instant;

/** A canned response as its owner sees it in lists, menus and the composer. */
public record Snippet(long id, String title, String shortcut, String body, Instant updatedAt)
    implements Serializable {

  static Snippet of(CannedResponse response) {
    return new Snippet(
        response.id(),
        response.title(),
        response.shortcut(),
        response.body(),
        response.updatedAt());
  }
}

package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.Snippet;
import java.io.Serializable;
import java.time.Instant;

/** A snippet as its owner sees it in lists, menus and the composer. */
public record SnippetItem(long id, String title, String shortcut, String body, Instant updatedAt)
    implements Serializable {

  static SnippetItem of(Snippet response) {
    return new SnippetItem(
        response.id(),
        response.title(),
        response.shortcut(),
        response.body(),
        response.updatedAt());
  }
}

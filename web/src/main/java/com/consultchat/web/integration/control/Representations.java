package com.consultchat.web.integration.control;

import com.consultchat.account.boundary.AccountSummary;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.room.boundary.MemberStatus;
import com.consultchat.room.boundary.RoomSummary;
import java.time.Instant;
import java.util.List;

/** What the integration API answers, as JSON-B writes it: stable names, no internal fields. */
public final class Representations {

  private Representations() {}

  public record Person(long id, String name) {}

  public record Consultation(
      long id,
      String subject,
      String status,
      Person patient,
      Person staff,
      String specialty,
      Instant requestedAt,
      Instant takenAt,
      Instant closedAt,
      String summary,
      Long followUpOf) {

    public static Consultation of(ConsultationSummary c) {
      return new Consultation(
          c.id(),
          c.subject(),
          c.status().name(),
          new Person(c.patientId(), c.patientName()),
          c.staffId() == null ? null : new Person(c.staffId(), c.staffName()),
          c.specialtyName(),
          c.requestedAt(),
          c.takenAt(),
          c.closedAt(),
          c.summary(),
          c.followUpOf());
    }
  }

  public record File(long id, String name, String type, long size, String kind, boolean verified) {

    static File of(FileRef file) {
      return file == null
          ? null
          : new File(
              file.id(),
              file.name(),
              file.type(),
              file.size(),
              file.kind(),
              file.verifiedAt() != null);
    }
  }

  public record Message(
      long seq,
      String clientId,
      Person sender,
      String kind,
      String text,
      Instant sentAt,
      Long ref,
      Instant editedAt,
      Instant deletedAt,
      File file) {

    public static Message of(ChatMessage m) {
      return new Message(
          m.seq(),
          m.clientId(),
          new Person(m.senderId(), m.senderName()),
          m.kind(),
          m.deletedAt() == null ? m.body() : null,
          m.sentAt(),
          m.ref(),
          m.editedAt(),
          m.deletedAt(),
          File.of(m.file()));
    }
  }

  /** A room as its member (or staff) sees it in the directory. */
  public record Room(
      long id,
      String name,
      String topic,
      String description,
      boolean open,
      boolean archived,
      boolean member,
      long unread) {

    public static Room of(RoomSummary room) {
      return new Room(
          room.id(),
          room.name(),
          room.topic(),
          room.description(),
          room.open(),
          room.archived(),
          room.myStatus() == MemberStatus.ACTIVE,
          room.unread());
    }
  }

  /** An account as administrators' systems see it. */
  public record Account(
      long id, String username, String displayName, String role, String status, Instant createdAt) {

    public static Account of(AccountSummary account) {
      return new Account(
          account.id(),
          account.username(),
          account.displayName(),
          account.role().name(),
          account.statusName(),
          account.createdAt());
    }
  }

  /** One page of a list, with where it stands in the whole. */
  public record Page<T>(List<T> items, int page, int size, int total) {}

  /** A message to post: the client's id makes a resend return the original. */
  public record NewMessage(String clientId, String text) {}

  /** How a consultation ends. */
  public record Closing(String summary) {}
}

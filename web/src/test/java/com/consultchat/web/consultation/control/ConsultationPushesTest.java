package com.consultchat.web.consultation.control;

import static com.consultchat.web.messaging.control.SocketsFixture.PATIENT;
import static com.consultchat.web.messaging.control.SocketsFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.consultation.boundary.QueueItem;
import com.consultchat.consultation.boundary.UrgentRaised;
import com.consultchat.web.messaging.control.SocketsFixture;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The frames are the browser's (lists.js) and the ITs': their JSON is pinned byte for byte. */
class ConsultationPushesTest {

  private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

  private final SocketsFixture sockets = new SocketsFixture();
  private final ConsultationPushes consultationPushes = new ConsultationPushes();

  @BeforeEach
  void start() {
    consultationPushes.pushes = sockets.pushes();
    consultationPushes.start(null);
  }

  @Test
  void aConsultationChangeGoesToItsRecipientsOnly() {
    ConsultationSummary summary =
        new ConsultationSummary(
            12,
            40,
            "Rash",
            null,
            PATIENT.id(),
            "Anna",
            null,
            null,
            AT,
            null,
            null,
            null,
            null,
            3L,
            "Dermatology",
            null,
            null,
            true);

    sockets.commit(new ConsultationChanged(summary, Set.of(PATIENT.id())));
    assertThat(sockets.sentTo(PATIENT)).isEmpty();
    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT))
        .containsExactly(
            "{\"consultation\":{\"conversationId\":40,\"id\":12,\"isScheduled\":false,"
                + "\"patientId\":1,\"patientMayReply\":true,\"patientName\":\"Anna\","
                + "\"requestedAt\":\"2026-03-01T09:30:00Z\",\"specialtyId\":3,"
                + "\"specialtyName\":\"Dermatology\",\"subject\":\"Rash\"},"
                + "\"type\":\"consultation\"}");
    assertThat(sockets.sentTo(STAFF)).isEmpty();
  }

  @Test
  void aRequestEnteringTheQueueIsToldToStaffOnly() {
    QueueItem item = new QueueItem(12, "Rash", 3L, "Dermatology", AT, false, true, false, true);

    sockets.commit(new QueueChanged(12, item));
    sockets.runLanes();

    assertThat(sockets.sentTo(STAFF))
        .containsExactly(
            "{\"arrived\":{\"followUp\":true,\"handedOver\":false,\"id\":12,"
                + "\"outOfHours\":true,\"requestedAt\":\"2026-03-01T09:30:00Z\",\"specialtyId\":3,"
                + "\"specialtyName\":\"Dermatology\",\"subject\":\"Rash\",\"urgent\":false},"
                + "\"type\":\"queue\"}");
    assertThat(sockets.sentTo(PATIENT)).isEmpty();
  }

  @Test
  void aRequestLeavingTheQueueReloadsStaffScreens() {
    sockets.commit(new QueueChanged(12, null));
    assertThat(sockets.sentTo(STAFF)).isEmpty();
    sockets.runLanes();

    assertThat(sockets.sentTo(STAFF)).containsExactly("{\"type\":\"queue\"}");
    assertThat(sockets.sentTo(PATIENT)).isEmpty();
  }

  @Test
  void anUrgentWaitingRequestAlertsEveryStaffMemberAndTellsThePatientWhatToDo() {
    sockets.commit(new UrgentRaised(12, 40, PATIENT.id(), null, true));
    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT))
        .containsExactly(
            "{\"consultation\":12,\"conversation\":40,\"type\":\"emergency\",\"waiting\":false}");
    assertThat(sockets.sentTo(STAFF))
        .containsExactly(
            "{\"consultation\":12,\"conversation\":40,\"type\":\"urgent\",\"waiting\":true}");
  }

  @Test
  void anUrgentTakenConsultationAlertsOnlyWhoeverHoldsIt() {
    sockets.commit(new UrgentRaised(12, 40, PATIENT.id(), 999L, false));
    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT)).hasSize(1);
    assertThat(sockets.sentTo(STAFF)).isEmpty();
  }
}

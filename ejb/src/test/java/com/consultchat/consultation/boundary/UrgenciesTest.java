package com.consultchat.consultation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import com.consultchat.consultation.control.UrgencyFlags;
import com.consultchat.consultation.entity.Urgency;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UrgenciesTest {

  @Test
  void theFlaggedAmongSomeConsultationsCanBeKeptInAStoredSession() throws IOException {
    Urgencies urgencies = new Urgencies();
    urgencies.flags =
        new UrgencyFlags() {
          @Override
          public Map<Long, Urgency> among(Collection<Long> consultationIds) {
            Map<Long, Urgency> flagged = new HashMap<>();
            flagged.put(3L, null);
            return flagged;
          }
        };

    Set<Long> flagged =
        urgencies.among(new Caller(1, "staff", "Dr. Staff", Role.STAFF), List.of(3L, 4L));

    assertThat(flagged).containsExactly(3L);
    try (ObjectOutputStream session = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      session.writeObject(flagged);
    }
  }
}

package com.consultchat.room.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.DemoAccountsSeeded;
import com.consultchat.room.boundary.Rooms;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * In demo mode, once the demo accounts exist and no room does: open rooms led by the demo
 * specialist, one per condition; on a course site one study group per course.
 */
@Dependent
public class DemoRooms {

  /** A room to seed: its name, topic and description. */
  record Seed(String name, String topic, String description) {}

  static final List<Seed> CLINIC =
      List.of(
          new Seed(
              "Living with eczema",
              "Dermatology",
              "Share what helps with itching, creams and sleep."),
          new Seed(
              "Blood pressure at home",
              "Cardiology",
              "Measuring at home, reading the numbers, keeping at it."));

  static final List<Seed> COURSES =
      List.of(
          new Seed(
              "Biology 101 study group",
              "Biology 101",
              "Work through the week's reading together before the seminar."),
          new Seed(
              "Statistics study group",
              "Statistics",
              "Exercises, past exam questions and help with the software."));

  @Inject Accounts accounts;
  @Inject Rooms rooms;

  void seed(@Observes DemoAccountsSeeded seeded) {
    Caller specialist =
        accounts
            .caller(seeded.specialistId())
            .orElseThrow(() -> new IllegalStateException("The demo specialist is gone"));
    if (!rooms.directory(specialist, null).isEmpty()) {
      return;
    }
    for (Seed seed : seeded.courseSite() ? COURSES : CLINIC) {
      rooms.create(specialist, seed.name(), seed.topic(), seed.description(), true, false);
    }
  }
}

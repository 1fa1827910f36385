package com.consultchat.consultation.control;

import com.consultchat.account.boundary.DemoAccountsSeeded;
import com.consultchat.consultation.boundary.Specialties;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * In demo mode, once the demo accounts exist: a few specialties, the first one the specialist's; on
 * a course site they are the courses, the first one the teacher's.
 */
@Dependent
public class DemoSpecialties {

  static final List<String> NAMES = List.of("Dermatology", "Cardiology", "Endocrinology");
  static final List<String> COURSES = List.of("Biology 101", "Statistics", "Academic writing");

  @Inject Specialties specialties;

  void seed(@Observes DemoAccountsSeeded seeded) {
    specialties.seedDemo(seeded.courseSite() ? COURSES : NAMES, seeded.specialistId());
  }
}

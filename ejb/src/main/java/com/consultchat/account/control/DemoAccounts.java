package com.consultchat.account.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.DemoAccountsSeeded;
import com.consultchat.account.boundary.Role;
import com.consultchat.platform.boundary.SchemaMigrated;
import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * In demo mode ({@code CONSULTCHAT_DEMO}) only: a patient and a specialist with a known password
 * (on a course site a student and a teacher), created unless they exist, then announced so other
 * features can add their demo data.
 */
@Dependent
public class DemoAccounts {

  private static final System.Logger LOG = System.getLogger(DemoAccounts.class.getName());

  static final String PATIENT = "demo-patient";
  static final String SPECIALIST = "demo-specialist";
  static final String STUDENT = "demo-student";
  static final String TEACHER = "demo-teacher";
  static final String PASSWORD = "consultchat-demo";

  @Inject Settings settings;
  @Inject Accounts accounts;
  @Inject Event<DemoAccountsSeeded> seeded;

  void seed(@Observes SchemaMigrated migrated) {
    if (!settings.demo()) {
      return;
    }
    boolean course = settings.courseSite();
    String asking = course ? STUDENT : PATIENT;
    String answering = course ? TEACHER : SPECIALIST;
    boolean patient = accounts.createIfMissing(asking, "Dana Demo", PASSWORD, Role.PATIENT);
    boolean specialist =
        accounts.createIfMissing(
            answering, course ? "Sam Demo" : "Dr. Sam Demo", PASSWORD, Role.STAFF);
    if (patient || specialist) {
      LOG.log(
          Level.WARNING,
          "Demo mode: accounts ''{0}'' and ''{1}'' with password ''{2}''. Never on a real"
              + " site''s server.",
          asking,
          answering,
          PASSWORD);
    }
    seeded.fire(new DemoAccountsSeeded(idOf(answering), course));
  }

  private long idOf(String username) {
    return accounts
        .caller(username)
        .map(Caller::id)
        .orElseThrow(() -> new IllegalStateException("The demo account " + username + " is gone"));
  }
}

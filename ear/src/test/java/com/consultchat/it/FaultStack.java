package com.consultchat.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack every fault scenario runs against, set up once per test run: the fault cluster with an
 * empty database, the fault server, and a crowd of patients each in a consultation a member of
 * staff has taken. Stopped when the run ends. A scenario that left the server down or broken gets a
 * fresh start.
 */
final class FaultStack implements BeforeAllCallback, AutoCloseable {

  static final String PATIENT_PASSWORD = "a long enough password";
  private static FaultStack stack;

  final FaultServer server = new FaultServer();
  private final List<Person> crowd = new ArrayList<>();
  private WebClient staff;

  /** A patient logged in over HTTP and the conversation of their taken consultation. */
  record Person(WebClient web, long conversation) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(FaultStack.class, key -> start(), FaultStack.class);
  }

  private static synchronized FaultStack start() {
    FaultDatabase.prepare();
    stack = new FaultStack();
    stack.server.prepareBase();
    stack.server.start(Map.of());
    return stack;
  }

  static FaultStack get() {
    return stack;
  }

  /** The server up and serving, killed and started again if it is not. */
  FaultServer healthyServer() {
    if (server.running() && server.deployed() && server.answering()) {
      return server;
    }
    if (server.running()) {
      server.kill9();
    }
    server.start(Map.of());
    return server;
  }

  /** The first {@code size} people of the crowd, created on first need. */
  synchronized List<Person> crowd(int size) {
    if (staff == null) {
      staff = WebClient.newStaff(FaultServer.BASE_URL);
    }
    loggedIn(staff, "a personal password");
    int missing = size - crowd.size();
    if (missing > 0) {
      ExecutorService signUps = Executors.newFixedThreadPool(4);
      try {
        List<Future<long[]>> asked = new ArrayList<>();
        List<WebClient> patients = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
          WebClient patient = new WebClient(WebClient.unique("crowd"), FaultServer.BASE_URL);
          patients.add(patient);
          asked.add(
              signUps.submit(
                  () -> {
                    patient.signUp(
                        patient.username, "Patient " + patient.username, PATIENT_PASSWORD);
                    return new long[] {patient.requestConsultation("Follow-up of a fault drill")};
                  }));
        }
        for (int i = 0; i < missing; i++) {
          long consultation = asked.get(i).get()[0];
          staff.take(consultation);
          crowd.add(new Person(patients.get(i), patients.get(i).conversationOf(consultation)));
        }
      } catch (Exception e) {
        throw new IllegalStateException("Could not build the crowd", e);
      } finally {
        signUps.shutdownNow();
      }
    }
    List<Person> people = List.copyOf(crowd.subList(0, size));
    people.forEach(person -> loggedIn(person.web(), PATIENT_PASSWORD));
    return people;
  }

  /**
   * The same people with new HTTP sessions, each logged in anew in a browser of its own, so their
   * sessions were born on the running server (not read back from an earlier stop's store).
   */
  List<Person> freshSessions(List<Person> people) {
    ExecutorService logins = Executors.newFixedThreadPool(4);
    try {
      List<Future<Person>> renewed = new ArrayList<>();
      for (Person person : people) {
        renewed.add(
            logins.submit(
                () -> {
                  WebClient web = new WebClient(person.web().username, FaultServer.BASE_URL);
                  web.login(web.username, PATIENT_PASSWORD);
                  return new Person(web, person.conversation());
                }));
      }
      List<Person> fresh = new ArrayList<>();
      for (Future<Person> person : renewed) {
        fresh.add(person.get());
      }
      return fresh;
    } catch (Exception e) {
      throw new IllegalStateException("Could not log the crowd in anew", e);
    } finally {
      logins.shutdownNow();
    }
  }

  /** Logs the person in again if an earlier scenario cost them their session. */
  private static void loggedIn(WebClient web, String password) {
    if (web.get("/index.xhtml").uri().getPath().endsWith("/login.xhtml")) {
      web.login(web.username, password);
    }
  }

  /** A new patient in a consultation taken by the crowd's member of staff. */
  synchronized Person newPerson(String subject) {
    crowd(0);
    WebClient patient = WebClient.newPatient(FaultServer.BASE_URL);
    long consultation = patient.requestConsultation(subject);
    staff.take(consultation);
    return new Person(patient, patient.conversationOf(consultation));
  }

  @Override
  public void close() {
    if (server.running()) {
      try {
        server.stopGracefully();
      } catch (RuntimeException | AssertionError stuck) {
        server.kill9();
      }
    }
  }
}

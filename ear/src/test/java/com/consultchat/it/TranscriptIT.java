package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Transcripts for the people who took part, administrators' audited access, and the audit trail.
 */
class TranscriptIT {

  @Test
  void aPatientReadsTheirOwnTranscriptAsAPageAndAsAPdfAndEachAccessIsAuditedOnce()
      throws IOException {
    ClosedConsultation consultation = ClosedConsultation.create();
    String patientName = "Patient " + consultation.patient().username;
    String staffName = "Dr. " + consultation.staff().username;

    HttpResponse<String> page = consultation.patient().get(consultation.pagePath());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(consultation.subject(), patientName, staffName)
        .contains(ClosedConsultation.PATIENT_MESSAGE, ClosedConsultation.STAFF_MESSAGE)
        .contains("Viral pharyngitis", "Download PDF")
        .contains(ClosedConsultation.AFTER_EDIT, "edited", "Message deleted")
        .doesNotContain(ClosedConsultation.BEFORE_EDIT, ClosedConsultation.DELETED);
    assertThat(audited(consultation, consultation.patient(), "TRANSCRIPT_VIEWED")).isEqualTo(1);
    assertThat(audited(consultation, consultation.patient(), "TRANSCRIPT_DOWNLOADED")).isZero();

    HttpResponse<byte[]> pdf =
        consultation.patient().download(consultation.pdfPath() + "?zone=Europe/Berlin");

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"consultation-" + consultation.id() + "-transcript.pdf\"");
    assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(text(pdf.body()))
        .contains(consultation.subject(), patientName, staffName)
        .contains(ClosedConsultation.PATIENT_MESSAGE, ClosedConsultation.STAFF_MESSAGE)
        .contains("Summary", ClosedConsultation.SUMMARY)
        .contains("Page 1 of 1", "Europe/Berlin")
        .contains(ClosedConsultation.AFTER_EDIT, "· edited", "Message deleted")
        .doesNotContain(ClosedConsultation.BEFORE_EDIT, ClosedConsultation.DELETED);
    assertThat(audited(consultation, consultation.patient(), "TRANSCRIPT_DOWNLOADED")).isEqualTo(1);
    assertThat(audited(consultation, consultation.patient(), "TRANSCRIPT_VIEWED")).isEqualTo(1);

    consultation.patient().get(consultation.pagePath());
    assertThat(audited(consultation, consultation.patient(), "TRANSCRIPT_VIEWED")).isEqualTo(2);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'CONSULTATION'"
                    + " and target_id = ? and admin_access",
                consultation.id()))
        .isZero();
  }

  @Test
  void anotherPatientAndUnrelatedStaffGetWhatAnUnknownIdGetsAndLeaveNoTrace() {
    ClosedConsultation consultation = ClosedConsultation.create();
    WebClient otherPatient = WebClient.newPatient();
    WebClient otherStaff = WebClient.newStaff();
    HttpResponse<String> unknownPage =
        otherPatient.get("/consultation/transcript.xhtml?id=999999999");
    HttpResponse<byte[]> unknownPdf = otherPatient.download("/api/transcripts/999999999.pdf");

    for (WebClient prober : new WebClient[] {otherPatient, otherStaff}) {
      HttpResponse<String> page = prober.get(consultation.pagePath());
      HttpResponse<byte[]> pdf = prober.download(consultation.pdfPath());

      assertThat(page.statusCode()).isEqualTo(404).isEqualTo(unknownPage.statusCode());
      assertThat(withoutNonce(page.body()))
          .isEqualTo(withoutNonce(unknownPage.body()))
          .doesNotContain(consultation.subject());
      assertThat(pdf.statusCode()).isEqualTo(404).isEqualTo(unknownPdf.statusCode());
      assertThat(withoutNonce(new String(pdf.body())))
          .isEqualTo(withoutNonce(new String(unknownPdf.body())));
      assertThat(
              Database.count(
                  // Their own logins are audited (target ACCOUNT); the probes must leave nothing.
                  "select count(*) from audit_event where actor_username = ?"
                      + " and target_type <> 'ACCOUNT'",
                  prober.username))
          .isZero();
    }
    assertThat(otherPatient.get("/consultation/transcript.xhtml?id=abc").statusCode())
        .isEqualTo(404);
    assertThat(otherPatient.download("/api/transcripts/abc.pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void anAdministratorReadsAnyTranscriptAndThatIsAuditedAsAdministratorAccess() throws IOException {
    ClosedConsultation consultation = ClosedConsultation.create();
    WebClient admin = WebClient.admin();

    HttpResponse<String> list = admin.get("/admin/consultations.xhtml?status=CLOSED");
    HttpResponse<String> page = admin.get(consultation.pagePath());
    HttpResponse<byte[]> pdf = admin.download(consultation.pdfPath());

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(consultation.subject(), "transcript.xhtml?id=" + consultation.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(ClosedConsultation.PATIENT_MESSAGE);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(text(pdf.body())).contains(ClosedConsultation.SUMMARY);
    for (String action : new String[] {"TRANSCRIPT_VIEWED", "TRANSCRIPT_DOWNLOADED"}) {
      assertThat(
              Database.count(
                  "select count(*) from audit_event where target_type = 'CONSULTATION'"
                      + " and target_id = ? and actor_username = 'admin' and actor_role = 'ADMIN'"
                      + " and admin_access and action = ?",
                  consultation.id(),
                  action))
          .isEqualTo(1);
    }
    assertThat(
            Database.count(
                "select count(*) from audit_event where actor_username = 'admin'"
                    + " and action = 'CONSULTATIONS_LISTED' and detail like 'status=CLOSED%'"))
        .isGreaterThanOrEqualTo(1);

    HttpResponse<String> log =
        admin.get("/admin/audit.xhtml?object=CONSULTATION&id=" + consultation.id());
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body())
        .contains("Viewed a transcript", "Downloaded a transcript", "administrator access");
    consultation.patient().get(consultation.pagePath());
    HttpResponse<String> byActor =
        admin.get("/admin/audit.xhtml?actor=" + consultation.patient().username.toUpperCase());
    assertThat(byActor.body())
        .contains(consultation.patient().username)
        .doesNotContain("administrator access");

    admin.get(consultation.taken().chatPath());
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_id = ? and actor_username = 'admin'"
                    + " and action = 'CONSULTATION_OPENED' and admin_access",
                consultation.id()))
        .isEqualTo(1);
    assertThat(consultation.patient().get("/admin/audit.xhtml").statusCode()).isEqualTo(403);
    assertThat(consultation.staff().get("/admin/consultations.xhtml").statusCode()).isEqualTo(403);
  }

  @Test
  void handoverNotesNeverReachThePatientsTranscriptButStaffWhoHeldItStillReadIt()
      throws IOException {
    TakenConsultation taken = TakenConsultation.create(WebClient.unique("Persistent cough"));
    WebClient next = WebClient.newStaff();
    String note = "Chest X-ray ordered; patient anxious about results.";
    taken
        .staff()
        .submit(
            taken.chatPath(),
            "transfer",
            Map.of("target", taken.transferOption(next), "note", note),
            "submit");
    next.submit(taken.chatPath(), "accept", Map.of(), "submit");
    next.submit(taken.chatPath(), "close", Map.of("summary", "Bronchitis."), "submit");
    String page = "/consultation/transcript.xhtml?id=" + taken.id();
    String pdf = "/api/transcripts/" + taken.id() + ".pdf";

    assertThat(taken.patient().get(page).body()).contains("Bronchitis.").doesNotContain(note);
    assertThat(text(taken.patient().download(pdf).body()))
        .contains("Bronchitis.")
        .doesNotContain("Chest X-ray", "Hand-overs");
    assertThat(next.get(page).body()).contains(note);
    assertThat(text(next.download(pdf).body())).contains("Chest X-ray ordered;");
    HttpResponse<String> former = taken.staff().get(page);
    assertThat(former.statusCode()).isEqualTo(200);
    assertThat(former.body()).contains("Bronchitis.");
    assertThat(taken.staff().get("/staff/queue.xhtml").body())
        .contains("transcript.xhtml?id=" + taken.id());
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveAuditEntries() {
    ClosedConsultation consultation = ClosedConsultation.create();
    consultation.patient().get(consultation.pagePath());
    // This consultation's entries only: other tests' sessions may still be writing theirs.
    String entries =
        "select count(*) from audit_event where target_type = 'CONSULTATION' and target_id = ?";
    long before = Database.count(entries, consultation.id());

    assertThatThrownBy(
            () ->
                Database.execute(
                    "update audit_event set actor_username = 'someone-else' where target_id = ?",
                    consultation.id()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                Database.execute("delete from audit_event where target_id = ?", consultation.id()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> Database.execute("truncate audit_event"))
        .hasMessageContaining("append-only");

    assertThat(Database.count(entries, consultation.id())).isEqualTo(before);
    assertThat(audited(consultation, consultation.patient(), "TRANSCRIPT_VIEWED")).isEqualTo(1);
  }

  @Test
  void aTranscriptOfFiveThousandLongMessagesDownloadsWhole() throws IOException {
    TakenConsultation consultation = TakenConsultation.create("A long consultation");
    int count = 5_000;
    // About 1,500 characters each, 7.5 MB in all: the size that once took the server minutes.
    consultation.fillWithLongMessages(count);

    long started = System.nanoTime();
    HttpResponse<byte[]> pdf =
        consultation.patient().download("/api/transcripts/" + consultation.id() + ".pdf");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      System.out.printf(
          "Transcript of %d messages: %d pages, %d KB, served in %d ms%n",
          count, document.getNumberOfPages(), pdf.body().length / 1024, millis);
      assertThat(document.getNumberOfPages()).isGreaterThan(1_000);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(document.getNumberOfPages() - 1);
      assertThat(stripper.getText(document)).contains("Message " + count + ":");
    }
  }

  private static long audited(ClosedConsultation consultation, WebClient actor, String action) {
    return Database.count(
        "select count(*) from audit_event where target_type = 'CONSULTATION' and target_id = ?"
            + " and actor_username = ? and action = ?",
        consultation.id(),
        actor.username,
        action);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** The page with its script nonce, which differs in every answer, taken out. */
  static String withoutNonce(String page) {
    Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page);
    return nonce.find() ? page.replace(nonce.group(1), "NONCE") : page;
  }
}

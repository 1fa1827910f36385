package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.consultation.boundary.HandoverNote;
import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.consultation.boundary.TranscriptMessage;
import com.consultchat.web.platform.boundary.Words;
import com.consultchat.web.platform.boundary.WordsFixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TranscriptPdfTest {

  private static final Words WORDS = WordsFixture.clinic();

  private static final Instant START = Instant.parse("2026-03-02T08:15:00Z");

  @Test
  void namesMessagesAndSummaryPrintInTheirOwnScripts() throws IOException {
    Transcript transcript =
        transcript(
            "Боль в горле",
            List.of(
                message(1, "Ирина Петрова", "Здравствуйте, у меня болит горло."),
                message(2, "Dr. Νίκος Παππάς", "Πόσες μέρες; שלום")),
            "Ангина. Полоскать горло.",
            List.of());

    String text =
        text(TranscriptPdf.render(transcript, ZoneId.of("Europe/Berlin"), WORDS, Locale.ENGLISH));

    assertThat(text)
        .contains("Боль в горле", "Ирина Петрова", "Здравствуйте, у меня болит горло.")
        .contains("Dr. Νίκος Παππάς", "Πόσες μέρες; שלום")
        .contains("Summary", "Ангина. Полоскать горло.")
        .contains("2 Mar 2026, 09:15", "Europe/Berlin");
  }

  @Test
  void writtenInTheReadersLanguage() throws IOException {
    Transcript transcript =
        transcript("Ausschlag", List.of(message(1, "Anna", "Seit Montag.")), "Salbe.", List.of());

    String text =
        text(TranscriptPdf.render(transcript, ZoneId.of("Europe/Berlin"), WORDS, Locale.GERMAN));

    assertThat(text)
        .contains("Beratungsverlauf", "Nachrichten", "Zusammenfassung", "Abgeschlossen")
        .contains("2. März 2026, 09:1", "Seite 1 von 1")
        .doesNotContain("Summary", "Messages", "Page 1");
  }

  @Test
  void charactersWithoutAGlyphPrintAsAPlaceholderInsteadOfFailing() throws IOException {
    Transcript transcript =
        transcript(
            "Rash 漢字", List.of(message(1, "Anna", "It looks like this 🙂 漢")), null, List.of());

    String text = text(TranscriptPdf.render(transcript, ZoneId.of("UTC"), WORDS, Locale.ENGLISH));

    assertThat(text).contains("It looks like this", TranscriptPdf.PLACEHOLDER).doesNotContain("漢");
  }

  @Test
  void aLongConversationRunsOverNumberedPagesWithTheSubjectOnEach() throws IOException {
    List<TranscriptMessage> messages = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      messages.add(message(i, "Anna Berg", "Message number " + i + " " + "words ".repeat(40)));
    }
    messages.add(message(121, "Anna Berg", "x".repeat(3000)));

    byte[] pdf =
        TranscriptPdf.render(
            transcript("Persistent cough", messages, "Bronchitis.", List.of()),
            ZoneId.of("UTC"),
            WORDS,
            Locale.ENGLISH);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(5);
      for (int page = 1; page <= pages; page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(document))
            .contains("Persistent cough", "Page " + page + " of " + pages);
      }
      String all = new PDFTextStripper().getText(document).replaceAll("\\s", "");
      assertThat(all).contains("Messagenumber1words", "Messagenumber120words");
      assertThat(all.chars().filter(c -> c == 'x').count()).isEqualTo(3000);
      assertThat(all).endsWith("consultation42").contains("Bronchitis.");
    }
  }

  @Test
  void editedMessagesAreMarkedAndDeletedOnesSaySoWithoutText() throws IOException {
    List<TranscriptMessage> messages =
        List.of(
            new TranscriptMessage(1, "Anna", START, "Corrected text", true, false, null),
            new TranscriptMessage(2, "Anna", START, "", false, true, null));

    String text =
        text(
            TranscriptPdf.render(
                transcript("Rash", messages, null, List.of()),
                ZoneId.of("UTC"),
                WORDS,
                Locale.ENGLISH));

    assertThat(text).contains("Corrected text", "· edited", "Message deleted", "Dermatology");
  }

  @Test
  void aFileIsListedWithItsChecksumAndItsCaptionIfAny() throws IOException {
    String file = "scan.pdf · application/pdf · 12 KB · SHA-256 " + "ab".repeat(32);
    List<TranscriptMessage> messages =
        List.of(
            new TranscriptMessage(1, "Anna", START, "My blood test", false, false, file),
            new TranscriptMessage(2, "Anna", START, "", false, false, file));

    String text =
        text(
            TranscriptPdf.render(
                transcript("Rash", messages, null, List.of()),
                ZoneId.of("UTC"),
                WORDS,
                Locale.ENGLISH));

    assertThat(text).contains("File: scan.pdf", "My blood test").contains("ab".repeat(8));
  }

  @Test
  void aFileShowsItsKindAndVerificationAndAPhotoItsThumbnail() throws IOException {
    String file = "rash.jpg · image/jpeg · 40 KB · SHA-256 " + "cd".repeat(32);
    List<TranscriptMessage> messages =
        List.of(
            new TranscriptMessage(
                1,
                "Anna",
                START,
                "Since Monday",
                false,
                false,
                file,
                7L,
                true,
                "Image",
                null,
                null),
            new TranscriptMessage(
                2,
                "Anna",
                START,
                "",
                false,
                false,
                "lab.pdf · application/pdf · 12 KB · SHA-256 " + "ab".repeat(32),
                8L,
                false,
                "Lab result",
                "Dr. Maria Lopez",
                START.plusSeconds(120)));
    BufferedImage photo = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 240; x++) {
      for (int y = 0; y < 160; y++) {
        photo.setRGB(x, y, x < 120 ? 0xC04040 : 0x4060C0);
      }
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(photo, "jpeg", jpeg);
    Transcript plain = transcript("Rash", messages, null, List.of());
    Transcript withPhoto =
        new Transcript(
            plain.consultationId(),
            plain.subject(),
            plain.specialty(),
            plain.status(),
            plain.patientName(),
            plain.staffName(),
            plain.requestedAt(),
            plain.takenAt(),
            plain.closedAt(),
            plain.summary(),
            plain.messages(),
            plain.handovers(),
            Map.of(7L, jpeg.toByteArray()));

    byte[] pdf = TranscriptPdf.render(withPhoto, ZoneId.of("UTC"), WORDS, Locale.ENGLISH);

    assertThat(text(pdf))
        .contains("Kind: Image · not verified")
        .contains("Kind: Lab result · verified by Dr. Maria Lopez, ");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      long pictures = 0;
      for (COSName name : resources.getXObjectNames()) {
        pictures += resources.isImageXObject(name) ? 1 : 0;
      }
      assertThat(pictures).isEqualTo(1);
      // For a person to look at: the page as printed.
      Path target = Path.of("target", "transcript-with-photo.png");
      Files.createDirectories(target.getParent());
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72), "png", target.toFile());
    }
  }

  @Test
  void handoversPrintOnlyWhenTheTranscriptCarriesThem() throws IOException {
    HandoverNote note = new HandoverNote("Dr. A", "Dr. B", "Chest X-ray ordered.", START);

    String forStaff =
        text(
            TranscriptPdf.render(
                transcript("Cough", List.of(), null, List.of(note)),
                ZoneId.of("UTC"),
                WORDS,
                Locale.ENGLISH));
    String forPatient =
        text(
            TranscriptPdf.render(
                transcript("Cough", List.of(), null, List.of()),
                ZoneId.of("UTC"),
                WORDS,
                Locale.ENGLISH));

    assertThat(forStaff).contains("Hand-overs (staff only)", "Chest X-ray ordered.");
    assertThat(forPatient).doesNotContain("Hand-overs", "Chest X-ray").contains("No messages.");
  }

  private static Transcript transcript(
      String subject, List<TranscriptMessage> messages, String summary, List<HandoverNote> notes) {
    return new Transcript(
        42,
        subject,
        "Dermatology",
        summary == null ? "consultation.status.active" : "consultation.status.closed",
        "Anna Berg",
        "Dr. Maria Lopez",
        START,
        START.plusSeconds(60),
        summary == null ? null : START.plusSeconds(3600),
        summary,
        messages,
        notes);
  }

  private static TranscriptMessage message(long seq, String sender, String body) {
    return new TranscriptMessage(
        seq, sender, START.plusSeconds(seq * 60), body, false, false, null);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}

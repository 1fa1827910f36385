package com.consultchat.web.consultation.control;

import com.consultchat.attachment.boundary.ClinicalKind;
import com.consultchat.consultation.boundary.HandoverNote;
import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.consultation.boundary.TranscriptMessage;
import com.consultchat.web.platform.boundary.Words;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A transcript as an A4 PDF: a header with the subject and page numbers on every page, then who and
 * when, the messages, the summary and (for staff only) the hand-overs. Text is drawn with DejaVu
 * Sans, embedded as a subset, so Latin, Greek, Cyrillic, Hebrew and many other scripts print as
 * written; characters it lacks (CJK, most emoji) print as a placeholder.
 */
public final class TranscriptPdf {

  static final String PLACEHOLDER = "\uFFFD";
  private static final float MARGIN = 56;
  private static final float TOP = PDRectangle.A4.getHeight() - 72;
  private static final float BOTTOM = 54;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float INDENT = 14;
  private static final Color INK = new Color(31, 41, 55);
  private static final Color MUTED = new Color(107, 114, 128);
  private static final byte[] REGULAR = font("DejaVuSans.ttf");
  private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

  /** A line of text, or a picture (then {@code text} is empty and {@code size} its height). */
  private record Line(
      String text,
      PDFont font,
      float size,
      float indent,
      float before,
      Color color,
      PDImageXObject picture) {
    Line(String text, PDFont font, float size, float indent, float before, Color color) {
      this(text, font, size, indent, before, color, null);
    }

    float height() {
      return picture == null ? before + size * 1.4f : before + size + 4;
    }
  }

  /** The tallest a photo's thumbnail is drawn, in points. */
  private static final float PICTURE_HEIGHT = 120;

  private final Transcript transcript;
  private final ZoneId zone;
  private final Words words;
  private final Locale locale;
  private final DateTimeFormatter timeFormat;
  private PDFont regular;
  private PDFont bold;
  private CmapLookup regularGlyphs;
  private CmapLookup boldGlyphs;
  private PDDocument document;
  private final Map<PDFont, Map<Integer, Float>> glyphWidths = new HashMap<>();

  private TranscriptPdf(Transcript transcript, ZoneId zone, Words words, Locale locale) {
    this.transcript = transcript;
    this.zone = zone;
    this.words = words;
    this.locale = locale;
    this.timeFormat = DateTimeFormatter.ofPattern(words.get(locale, "pdf.time.pattern"), locale);
  }

  /**
   * The PDF file of the transcript, with times shown in {@code zone}, written in the language of
   * {@code locale} (the reader's).
   */
  public static byte[] render(Transcript transcript, ZoneId zone, Words words, Locale locale) {
    return new TranscriptPdf(transcript, zone, words, locale).render();
  }

  /**
   * The key of a file's clinical kind as the transcript names it ({@code chat.kind.lab-result}), or
   * null for a label this version does not know.
   */
  public static String kindKey(String label) {
    return Arrays.stream(ClinicalKind.values())
        .filter(kind -> kind.label().equals(label))
        .findFirst()
        .map(kind -> "chat.kind." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .orElse(null);
  }

  private String say(String key, Object... arguments) {
    return words.format(locale, key, arguments);
  }

  private byte[] render() {
    try (TrueTypeFont regularTtf = parse(REGULAR);
        TrueTypeFont boldTtf = parse(BOLD);
        PDDocument document = new PDDocument()) {
      this.document = document;
      // Glyph substitution (ligatures) off: PDFBox applies it by tokenizing every line with a
      // pattern built from the font's tables, which made long transcripts take minutes; the
      // characters themselves print the same without it.
      regularTtf.setEnableGsub(false);
      boldTtf.setEnableGsub(false);
      regular = PDType0Font.load(document, regularTtf, true);
      bold = PDType0Font.load(document, boldTtf, true);
      regularGlyphs = regularTtf.getUnicodeCmapLookup();
      boldGlyphs = boldTtf.getUnicodeCmapLookup();
      document.getDocumentInformation().setTitle(clean(transcript.subject()));
      document.getDocumentInformation().setCreator("ConsultChat");
      List<List<Line>> pages = PdfText.paginate(lines(), Line::height, TOP - BOTTOM);
      for (int i = 0; i < pages.size(); i++) {
        draw(document, pages.get(i), i + 1, pages.size());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the transcript PDF", e);
    }
  }

  private List<Line> lines() throws IOException {
    List<Line> lines = new ArrayList<>();
    add(lines, say("transcript.kicker"), bold, 17, 0, 0, INK);
    add(lines, transcript.subject(), bold, 13, 0, 4, INK);
    meta(lines, "transcript.specialty", transcript.specialty());
    meta(lines, "transcript.patient", transcript.patientName());
    meta(
        lines,
        "transcript.staff",
        transcript.staffName() == null ? say("transcript.staff.none") : transcript.staffName());
    meta(lines, "transcript.status", transcript.status() == null ? null : say(transcript.status()));
    meta(lines, "transcript.asked", time(transcript.requestedAt()));
    meta(lines, "transcript.taken", time(transcript.takenAt()));
    meta(lines, "transcript.closed", time(transcript.closedAt()));
    add(lines, say("pdf.zone", zone.getId()), regular, 8.5f, 0, 2, MUTED);

    add(lines, say("transcript.messages"), bold, 12, 0, 14, INK);
    if (transcript.messages().isEmpty()) {
      add(lines, say("transcript.messages.none"), regular, 10, 0, 2, MUTED);
    }
    for (TranscriptMessage message : transcript.messages()) {
      String heading = message.senderName() + " · " + time(message.sentAt());
      add(
          lines,
          message.edited() ? heading + " · " + say("transcript.edited") : heading,
          bold,
          9.5f,
          0,
          7,
          INK);
      if (message.deleted()) {
        add(lines, say("transcript.deleted"), regular, 10.5f, INDENT, 0, MUTED);
      } else {
        if (message.file() != null) {
          add(
              lines,
              say("transcript.file") + " " + message.file(),
              regular,
              9.5f,
              INDENT,
              0,
              MUTED);
          add(lines, clinical(message), regular, 9.5f, INDENT, 0, INK);
          picture(lines, message);
        }
        if (!message.body().isBlank()) {
          add(lines, message.body(), regular, 10.5f, INDENT, 0, INK);
        }
      }
    }
    if (transcript.summary() != null) {
      add(lines, say("transcript.summary"), bold, 12, 0, 14, INK);
      add(lines, transcript.summary(), regular, 10.5f, 0, 2, INK);
    }
    if (!transcript.handovers().isEmpty()) {
      add(
          lines,
          say("transcript.handovers") + " " + say("transcript.handovers.staff"),
          bold,
          12,
          0,
          14,
          INK);
      for (HandoverNote handover : transcript.handovers()) {
        add(
            lines,
            handover.from() + " → " + handover.to() + " · " + time(handover.at()),
            bold,
            9.5f,
            0,
            7,
            INK);
        add(lines, handover.note(), regular, 10.5f, INDENT, 0, INK);
      }
    }
    return lines;
  }

  private String clinical(TranscriptMessage message) {
    String key =
        kindKey(message.fileKind() == null ? ClinicalKind.OTHER.label() : message.fileKind());
    String kind = say("transcript.kind") + " " + (key == null ? message.fileKind() : say(key));
    return message.verifiedAt() == null
        ? kind + " · " + say("transcript.unverified")
        : kind
            + " · "
            + say("transcript.verified", message.verifiedBy())
            + ", "
            + time(message.verifiedAt());
  }

  /** A photo's thumbnail, as the server drew it when the photo was stored. */
  private void picture(List<Line> lines, TranscriptMessage message) throws IOException {
    byte[] bytes = message.fileId() == null ? null : transcript.thumbnails().get(message.fileId());
    if (bytes == null) {
      return;
    }
    PDImageXObject picture = JPEGFactory.createFromByteArray(document, bytes);
    float scale =
        Math.min(PICTURE_HEIGHT / picture.getHeight(), (WIDTH - INDENT) / picture.getWidth());
    lines.add(
        new Line("", regular, picture.getHeight() * Math.min(1, scale), INDENT, 4, INK, picture));
  }

  private void meta(List<Line> lines, String label, String value) {
    if (value != null) {
      add(lines, say(label) + ": " + value, regular, 10, 0, 2, INK);
    }
  }

  /** Wraps the text; only the first of its lines carries the space above the block. */
  private void add(
      List<Line> lines, String text, PDFont font, float size, float indent, float before, Color c) {
    List<String> wrapped = PdfText.wrap(clean(text), s -> width(font, size, s), WIDTH - indent);
    for (int i = 0; i < wrapped.size(); i++) {
      lines.add(new Line(wrapped.get(i), font, size, indent, i == 0 ? before : 0, c));
    }
  }

  private void draw(PDDocument document, List<Line> lines, int number, int count)
      throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    float height = PDRectangle.A4.getHeight();
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      String pageLabel = say("pdf.page", number, count);
      float labelWidth = width(regular, 8.5f, pageLabel);
      String subject =
          PdfText.fitted(
              clean(transcript.subject()).replace('\n', ' '),
              s -> width(bold, 8.5f, s),
              WIDTH - labelWidth - 24);
      text(content, subject, bold, 8.5f, MARGIN, height - 40, MUTED);
      text(content, pageLabel, regular, 8.5f, MARGIN + WIDTH - labelWidth, height - 40, MUTED);
      content.setStrokingColor(new Color(229, 231, 235));
      content.moveTo(MARGIN, height - 48);
      content.lineTo(MARGIN + WIDTH, height - 48);
      content.stroke();
      float y = TOP;
      for (Line line : lines) {
        // Space above a block separates it from the one before; at the top of a page it only
        // wastes.
        y -= line == lines.get(0) ? line.height() - line.before() : line.height();
        if (line.picture() != null) {
          float shown = line.size();
          float width = line.picture().getWidth() * shown / line.picture().getHeight();
          content.drawImage(line.picture(), MARGIN + line.indent(), y, width, shown);
          continue;
        }
        text(
            content,
            line.text(),
            line.font(),
            line.size(),
            MARGIN + line.indent(),
            y,
            line.color());
      }
      text(
          content,
          say("pdf.footer", String.valueOf(transcript.consultationId())),
          regular,
          8,
          MARGIN,
          30,
          MUTED);
    }
  }

  private static void text(
      PDPageContentStream content, String text, PDFont font, float size, float x, float y, Color c)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    content.beginText();
    content.setFont(font, size);
    content.setNonStrokingColor(c);
    content.newLineAtOffset(x, y);
    content.showText(PdfText.visual(text));
    content.endText();
  }

  /** Only characters both faces can draw survive, so a line prints the same in either. */
  private String clean(String text) {
    return PdfText.printable(
        text,
        cp -> regularGlyphs.getGlyphId(cp) != 0 && boldGlyphs.getGlyphId(cp) != 0,
        PLACEHOLDER);
  }

  private String time(Instant instant) {
    return instant == null ? null : timeFormat.format(instant.atZone(zone));
  }

  private float width(PDFont font, float size, String text) {
    Map<Integer, Float> widths = glyphWidths.computeIfAbsent(font, f -> new HashMap<>());
    float sum = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      sum += widths.computeIfAbsent(cp, c -> glyphWidth(font, c));
      i += Character.charCount(cp);
    }
    return sum / 1000 * size;
  }

  /**
   * One character's width, asked of the font once per render: encoding a whole string for every
   * measurement made long transcripts take minutes. The sum is what the font itself computes.
   */
  private static float glyphWidth(PDFont font, int codePoint) {
    try {
      return font.getStringWidth(new String(Character.toChars(codePoint)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrueTypeFont parse(byte[] font) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(font));
  }

  private static byte[] font(String name) {
    try (InputStream in = TranscriptPdf.class.getResourceAsStream("/fonts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Font missing from the build: /fonts/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

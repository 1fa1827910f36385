package com.consultchat.web.privacy.control;

import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.privacy.boundary.DataExport;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a person's data export as a ZIP, entry by entry, straight to the response: JSON for
 * machines, a PDF per consultation for people, and the files they sent as they were stored, each
 * streamed from the database without being held in memory.
 */
public final class ExportZip {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

  /** How a file's bytes reach the ZIP: the attachment feature streams them. */
  @FunctionalInterface
  public interface FileWriter {
    void write(ExportFile file, OutputStream out) throws IOException;
  }

  /** One file as the manifest lists it, with its place in the ZIP. */
  public record ExportFile(long id, String name, String type, long size, String path) {}

  /** The entries the README explains, each with the key of its line in the bundles. */
  private static final List<String[]> README_LINES =
      List.of(
          new String[] {"account.json", "data.export.readme.account"},
          new String[] {"consultations/", "data.export.readme.consultations"},
          new String[] {"room-posts.json", "data.export.readme.room-posts"},
          new String[] {"files.json, files/", "data.export.readme.files"},
          new String[] {"access-log.json", "data.export.readme.access-log"});

  private ExportZip() {}

  /** The README in the person's words: {@code words} gives the text of a key. */
  public static String readme(Function<String, String> words) {
    String title = words.apply("data.export.readme.title");
    StringBuilder readme =
        new StringBuilder(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    for (String[] line : README_LINES) {
      readme.append(String.format("%-24s", line[0])).append(words.apply(line[1])).append('\n');
    }
    return readme.toString();
  }

  public static void write(
      String readme,
      DataExport export,
      List<ExportFile> files,
      Function<Transcript, byte[]> pdf,
      FileWriter bytes,
      OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    text(zip, "README.txt", readme);
    text(zip, "account.json", JSONB.toJson(export.account()));
    for (Transcript transcript : export.consultations()) {
      String base = "consultations/consultation-" + transcript.consultationId();
      text(zip, base + ".json", JSONB.toJson(transcript));
      entry(zip, base + ".pdf");
      zip.write(pdf.apply(transcript));
      zip.closeEntry();
    }
    text(zip, "room-posts.json", JSONB.toJson(export.roomPosts()));
    text(zip, "files.json", JSONB.toJson(files));
    for (ExportFile file : files) {
      entry(zip, file.path());
      bytes.write(file, zip);
      zip.closeEntry();
    }
    text(zip, "access-log.json", JSONB.toJson(export.accessTrail()));
    zip.finish();
    zip.flush();
  }

  /** A name safe in any unpacker: the file's id first, then only plain characters. */
  public static String path(long id, String name) {
    String plain = name == null ? "" : name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    if (plain.isEmpty() || plain.startsWith(".")) {
      plain = "file" + plain;
    }
    return "files/" + id + "-" + plain.substring(0, Math.min(plain.length(), 100));
  }

  private static void text(ZipOutputStream zip, String name, String content) throws IOException {
    entry(zip, name);
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static void entry(ZipOutputStream zip, String name) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
  }
}

package com.consultchat.attachment.control;

import com.consultchat.platform.boundary.Refused;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, judged by its first bytes alone (Tika's magic numbers), never by its name or the
 * type the browser claims: an HTML page or a program renamed {@code scan.pdf} is what it is. Only
 * the kinds a clinic needs pass, each under one type it is then always served as.
 */
public final class ContentTypes {

  /** How much of a file's start is looked at. */
  public static final int HEAD = 8192;

  public static final String ALLOWED =
      "PDF documents, JPEG, PNG and WebP pictures, and audio (WebM, Ogg/Opus, MP3, M4A/AAC)";

  /** Tika's names for the allowed kinds, and the type each is stored and served as. */
  private static final Map<String, String> SERVED_AS =
      Map.ofEntries(
          Map.entry("application/pdf", "application/pdf"),
          Map.entry("image/jpeg", "image/jpeg"),
          Map.entry("image/png", "image/png"),
          Map.entry("image/webp", "image/webp"),
          Map.entry("audio/mpeg", "audio/mpeg"),
          Map.entry("audio/ogg", "audio/ogg"),
          Map.entry("audio/opus", "audio/ogg"),
          Map.entry("audio/vorbis", "audio/ogg"),
          Map.entry("application/ogg", "audio/ogg"),
          Map.entry("audio/webm", "audio/webm"),
          // What a browser's recorder writes is WebM with only sound; by its header it is video.
          Map.entry("video/webm", "audio/webm"),
          // Tika's magic alone names WebM by its container, Matroska.
          Map.entry("video/x-matroska", "audio/webm"),
          Map.entry("application/x-matroska", "audio/webm"),
          Map.entry("audio/mp4", "audio/mp4"),
          Map.entry("audio/x-m4a", "audio/mp4"),
          Map.entry("audio/aac", "audio/aac"),
          Map.entry("audio/x-aac", "audio/aac"));

  /**
   * A browser that ignored {@code nosniff} would render a file whose start looks like a page; a
   * file that is both a PDF and a page (a polyglot) is refused, not trusted to be only one of them.
   */
  private static final List<String> MARKUP =
      List.of("<html", "<script", "<svg", "<!doctype", "<body", "<iframe", "<?xml", "<head");

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

  private ContentTypes() {}

  /** The type a file is stored and served as, judged by its first bytes; refused if not allowed. */
  public static String detect(byte[] head) {
    if (head.length == 0) {
      throw Refused.invalid("file.empty");
    }
    String type = tikaType(head);
    String served = SERVED_AS.get(type);
    if (served == null) {
      throw Refused.invalid("file.type.refused");
    }
    if (containsMarkup(head)) {
      throw Refused.invalid("file.type.markup");
    }
    return served;
  }

  public static boolean isPhoto(String servedType) {
    return servedType.startsWith("image/");
  }

  public static boolean isAudio(String servedType) {
    return servedType.startsWith("audio/");
  }

  static String tikaType(byte[] head) {
    try {
      MediaType type = TYPES.detect(new ByteArrayInputStream(head), new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean containsMarkup(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return MARKUP.stream().anyMatch(text::contains);
  }

  /** For tests and messages: the served type of a Tika type, if allowed. */
  static Optional<String> servedAs(String tikaType) {
    return Optional.ofNullable(SERVED_AS.get(tikaType));
  }
}

package com.consultchat.consultation.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;

/** What a consultation's texts must look like: its subject, summary and hand-over notes. */
final class ConsultationText {

  static final int SUBJECT_MAX = 200;
  static final int SUMMARY_MAX = 4000;
  static final int NOTE_MAX = 2000;

  private ConsultationText() {}

  /** The subject with its spaces evened out, or refused with what is wrong. */
  static String subject(String raw) {
    String subject = raw == null ? "" : StorableText.check(raw).strip().replaceAll("\\s+", " ");
    if (subject.length() < 3) {
      throw Refused.invalid("consultation.subject.too-short");
    }
    if (subject.length() > SUBJECT_MAX) {
      throw Refused.invalid("consultation.subject.too-long", SUBJECT_MAX);
    }
    return subject;
  }

  static String summary(String raw) {
    return required(
        raw, SUMMARY_MAX, "consultation.summary.missing", "consultation.summary.too-long");
  }

  static String note(String raw) {
    return required(raw, NOTE_MAX, "consultation.note.missing", "consultation.note.too-long");
  }

  /** {@code missing}, {@code tooLong}: the keys of the refusals. */
  private static String required(String raw, int max, String missing, String tooLong) {
    String text = raw == null ? "" : StorableText.check(raw).strip();
    if (text.isEmpty()) {
      throw Refused.invalid(missing);
    }
    if (text.length() > max) {
      throw Refused.invalid(tooLong, max);
    }
    return text;
  }
}

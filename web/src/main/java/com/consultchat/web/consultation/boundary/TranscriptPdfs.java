package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.web.consultation.control.TranscriptPdf;

/**
 * The transcript PDF for other pages' downloads (a person's data export), drawn exactly as {@link
 * TranscriptResource} draws it. The caller has read the transcript through its boundary, which
 * checked and audited the access.
 */
public final class TranscriptPdfs {

  private TranscriptPdfs() {}

  /** {@code zone}: the reader's time zone as their browser reports it; UTC when unknown. */
  public static byte[] render(Transcript transcript, String zone) {
    return TranscriptPdf.render(transcript, TranscriptResource.zone(zone));
  }
}

package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.web.account.boundary.LanguageChoice;
import com.consultchat.web.consultation.control.TranscriptPdf;
import com.consultchat.web.platform.boundary.Words;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Locale;

/**
 * The transcript PDF for other pages' downloads (a person's data export), drawn exactly as {@link
 * TranscriptResource} draws it. The caller has read the transcript through its boundary, which
 * checked and audited the access.
 */
public final class TranscriptPdfs {

  private TranscriptPdfs() {}

  /**
   * {@code zone}: the reader's time zone as their browser reports it; UTC when unknown. Written in
   * the language of the request being answered (English outside one).
   */
  public static byte[] render(Transcript transcript, String zone) {
    return render(transcript, zone, requestLocale());
  }

  /** As {@link #render(Transcript, String)}, in the language of {@code locale}. */
  public static byte[] render(Transcript transcript, String zone, Locale locale) {
    return TranscriptPdf.render(
        transcript, TranscriptResource.zone(zone), CDI.current().select(Words.class).get(), locale);
  }

  /** The language of the person whose request this is; English outside a request. */
  public static Locale requestLocale() {
    try {
      return CDI.current().select(LanguageChoice.class).get().getLocale();
    } catch (ContextNotActiveException | IllegalStateException outsideARequest) {
      return Locale.ENGLISH;
    }
  }
}

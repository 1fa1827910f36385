package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationQueue;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a new request is likely to wait, in words, for the pages where patients ask and wait.
 */
@Named("queueWait")
@RequestScoped
public class QueueWaitView {

  @Inject ConsultationQueue queue;
  @Inject PageText text;
  @Inject Words words;

  private String estimate;
  private boolean asked;

  /** "about 5 minutes", or null when there are too few recent requests to say. */
  public String getEstimate() {
    if (!asked) {
      asked = true;
      estimate = queue.estimate().map(wait -> words(words, text.locale(), wait)).orElse(null);
    }
    return estimate;
  }

  /** "Requests are usually taken within about 5 minutes while the clinic is open." */
  public String getSentence() {
    String wait = getEstimate();
    return wait == null ? null : text.format("wait.estimate", wait);
  }

  /** "about a minute", "about 12 minutes", "about 1 hour 15 minutes", in the language. */
  static String words(Words words, Locale locale, Duration wait) {
    long minutes = wait.toMinutes();
    if (minutes <= 1) {
      return words.get(locale, "wait.about.minute");
    }
    if (minutes < 60) {
      return words.format(locale, "wait.about.minutes", minutes);
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    return rest == 0
        ? words.format(locale, "wait.about.hours", hours)
        : words.format(locale, "wait.about.hours.minutes", hours, rest);
  }
}

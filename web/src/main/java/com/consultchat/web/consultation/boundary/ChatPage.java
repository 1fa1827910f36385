package com.consultchat.web.consultation.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;

/**
 * Where the chat page's forms end: back on the consultation's page, saying what came of it. The
 * redirect means a reload never repeats the action.
 */
final class ChatPage {

  private ChatPage() {}

  /**
   * Runs the action, tells how it went (done: the key of its words; or why not) and shows the
   * consultation again.
   */
  static void act(long consultation, Runnable action, String done) throws IOException {
    try {
      action.run();
      Feedback.info(CDI.current().select(PageText.class).get().get(done));
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
    show(consultation);
  }

  static void show(long consultation) throws IOException {
    Pages.redirect("/consultation/chat.xhtml?id=" + consultation);
  }
}

package com.consultchat.web.attachment.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The size limit as the chat pages tell the browser, so a file that is too large is refused before
 * a byte of it is sent (the server checks again).
 */
@Named
@ApplicationScoped
public class AttachmentLimits {

  @Inject Settings settings;

  public int getMaxMb() {
    return settings.attachmentMaxMb();
  }
}

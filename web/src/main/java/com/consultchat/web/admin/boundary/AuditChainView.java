package com.consultchat.web.admin.boundary;

import com.consultchat.audit.boundary.AuditChain;
import com.consultchat.audit.boundary.ChainCheck;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The audit log's "Verify" button: walks the hash chain and says what it found. */
@Named
@RequestScoped
public class AuditChainView {

  @Inject AuditChain chain;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  public void verify() throws IOException {
    ChainCheck check = chain.verify(currentUser.caller());
    if (check.intact()) {
      Feedback.info(text.format("admin.audit.intact", check.checked()));
    } else {
      Feedback.error(
          text.format("admin.audit.tampered")
              + " "
              + text.format(
                  "admin.audit.break." + check.kind().name(),
                  check.brokenId(),
                  String.valueOf(check.brokenAt()),
                  check.checked()));
    }
    Pages.redirect("/admin/audit.xhtml");
  }
}

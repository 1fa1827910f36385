package com.consultchat.web.admin.boundary;

import com.consultchat.audit.boundary.AuditChain;
import com.consultchat.audit.boundary.ChainCheck;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
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

  public void verify() throws IOException {
    ChainCheck check = chain.verify(currentUser.caller());
    if (check.intact()) {
      Feedback.info("The audit log is intact: " + check.checked() + " rows checked.");
    } else {
      Feedback.error("The audit log has been tampered with. " + check.describe());
    }
    Pages.redirect("/admin/audit.xhtml");
  }
}

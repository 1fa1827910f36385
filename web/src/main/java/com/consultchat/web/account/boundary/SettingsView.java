package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** A person's own settings: for now, whether others see when they have read a message. */
@Named
@RequestScoped
public class SettingsView {

  @Inject Accounts accounts;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject PageText text;

  /** Switched off for the whole deployment, there is nothing to choose. */
  public boolean isReceiptsAvailable() {
    return settings.readReceipts();
  }

  public boolean isSharingReceipts() {
    return accounts.sharesReadReceipts(currentUser.caller());
  }

  public void shareReceipts(boolean share) throws IOException {
    accounts.shareReadReceipts(currentUser.caller(), share);
    Feedback.info(text.format(share ? "settings.receipts.shared" : "settings.receipts.hidden"));
    Pages.redirect("/account/settings.xhtml");
  }
}

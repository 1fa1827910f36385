package com.consultchat.web.admin.boundary;

import com.consultchat.account.boundary.AccountSummary;
import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.account.boundary.Logins;
import com.consultchat.account.boundary.SecondFactors;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * Administrators see every account, create staff accounts, lift login lockouts and remove a lost
 * second factor.
 */
@Named
@RequestScoped
public class StaffAccountsView {

  @Inject Accounts accounts;
  @Inject CurrentUser currentUser;
  @Inject Logins logins;
  @Inject SecondFactors secondFactors;
  @Inject HttpServletRequest request;
  @Inject PageText text;

  private String username;
  private String displayName;
  private String initialPassword;
  private List<AccountSummary> all;

  public List<AccountSummary> getAll() {
    if (all == null) {
      all = accounts.all(currentUser.caller());
    }
    return all;
  }

  /** Accounts whose logins are locked after failed attempts, for the unlock list. */
  public List<AccountSummary> getLocked() {
    return getAll().stream().filter(a -> a.lockedUntil() != null).toList();
  }

  /** Lifts a lockout before it lifts itself; audited with the administrator and their address. */
  public void unlock(long accountId) throws IOException {
    try {
      logins.unlock(currentUser.caller(), accountId, request.getRemoteAddr());
      Feedback.info(text.format("admin.accounts.unlocked"));
      Pages.redirect("/admin/accounts.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  /**
   * Removes someone's second factor (a lost phone and no recovery codes); they log in with the
   * password and, where it is required, set up a new one. Audited.
   */
  public void removeTwoStep(long accountId) throws IOException {
    try {
      secondFactors.reset(currentUser.caller(), accountId, request.getRemoteAddr());
      Feedback.info(text.format("admin.accounts.two-step.removed"));
      Pages.redirect("/admin/accounts.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void createStaff() throws IOException {
    try {
      Caller staff =
          accounts.createStaff(
              currentUser.caller(),
              username,
              displayName,
              initialPassword,
              request.getRemoteAddr());
      Feedback.info(text.format("admin.accounts.created", staff.username()));
      Pages.redirect("/admin/accounts.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    } catch (KeyDerivationBusy busy) {
      Feedback.error(text.format("admin.account.busy"));
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getInitialPassword() {
    return initialPassword;
  }

  public void setInitialPassword(String initialPassword) {
    this.initialPassword = initialPassword;
  }
}

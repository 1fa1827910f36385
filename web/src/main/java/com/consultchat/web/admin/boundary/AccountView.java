package com.consultchat.web.admin.boundary;

import com.consultchat.account.boundary.AccountAdministration;
import com.consultchat.account.boundary.AccountQuery;
import com.consultchat.account.boundary.AccountSummary;
import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.account.boundary.Logins;
import com.consultchat.account.boundary.Role;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.consultation.boundary.StaffMember;
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
import java.util.Optional;
import java.util.Set;

/**
 * One account and what an administrator can do with it: disable (handing a member of staff's open
 * consultations to the queue or a colleague), enable, reset the password, unlock, change the role.
 * Every action is confirmed in a dialog first, says what it did, and is audited by the boundary.
 * The account's id travels as a plain {@code id} parameter in the URL and in every form.
 */
@Named
@RequestScoped
public class AccountView {

  private static final String NOT_FOUND = "account.not.found";

  @Inject AccountAdministration administration;
  @Inject Logins logins;
  @Inject Consultations consultations;
  @Inject CurrentUser currentUser;
  @Inject HttpServletRequest request;
  @Inject PageText text;

  private Optional<AccountSummary> account;
  private List<StaffMember> colleagues;
  private String handTo = "queue";
  private Role role;
  private String oneTimePassword;

  /** Answers 404 for an unknown id, before the page renders. */
  public void load() throws IOException {
    if (getAccount() == null) {
      Pages.notFound(Refused.notFound(NOT_FOUND));
    }
  }

  public AccountSummary getAccount() {
    if (account == null) {
      long id = Pages.id(request.getParameter("id"), NOT_FOUND);
      account =
          administration
              .find(currentUser.caller(), new AccountQuery(null, null, null, Set.of(id), 0, 1))
              .rows()
              .stream()
              .findFirst();
    }
    return account.orElse(null);
  }

  public boolean isSelf() {
    return getAccount() != null && getAccount().id() == currentUser.getId();
  }

  /** Whom a disabled member of staff's open consultations can go to. */
  public List<StaffMember> getColleagues() {
    if (colleagues == null) {
      long id = getAccount() == null ? 0 : getAccount().id();
      colleagues =
          consultations.colleagues(currentUser.caller()).stream()
              .filter(colleague -> colleague.id() != id)
              .toList();
    }
    return colleagues;
  }

  public void disable() throws IOException {
    act(
        id -> {
          Long to = "queue".equals(handTo) ? null : Long.valueOf(Pages.id(handTo, NOT_FOUND));
          administration.disable(currentUser.caller(), id, to, request.getRemoteAddr());
          String key =
              getAccount().role() == Role.PATIENT
                  ? "admin.account.disabled"
                  : to == null
                      ? "admin.account.disabled.queue"
                      : "admin.account.disabled.colleague";
          return text.format(key, name());
        });
  }

  public void enable() throws IOException {
    act(
        id -> {
          administration.enable(currentUser.caller(), id, request.getRemoteAddr());
          return text.format("admin.account.enabled", name());
        });
  }

  public void changeRole() throws IOException {
    act(
        id -> {
          administration.changeRole(currentUser.caller(), id, role, request.getRemoteAddr());
          return text.format(
              "admin.account.role.changed", name(), text.get("admin.role.sentence." + role.name()));
        });
  }

  public void unlock() throws IOException {
    act(
        id -> {
          logins.unlock(currentUser.caller(), id, request.getRemoteAddr());
          return text.format("admin.account.unlocked", name());
        });
  }

  /** No redirect: the password is in this one response only, never stored in clear. */
  public void resetPassword() {
    try {
      long id = getAccount().id();
      oneTimePassword =
          administration.resetPassword(currentUser.caller(), id, request.getRemoteAddr());
      account = null;
    } catch (Refused refused) {
      Feedback.refused(refused);
    } catch (KeyDerivationBusy busy) {
      Feedback.error(text.format("admin.account.busy"));
    }
  }

  private interface Action {
    String run(long accountId);
  }

  private void act(Action action) throws IOException {
    AccountSummary target = getAccount();
    if (target == null) {
      Feedback.refused(Refused.notFound(NOT_FOUND));
      return;
    }
    try {
      Feedback.info(action.run(target.id()));
      Pages.redirect("/admin/account.xhtml?id=" + target.id());
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  private String name() {
    return text.format("admin.account.name", getAccount().displayName(), getAccount().username());
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public String getHandTo() {
    return handTo;
  }

  public void setHandTo(String handTo) {
    this.handTo = handTo;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getOneTimePassword() {
    return oneTimePassword;
  }
}

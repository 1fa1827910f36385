package com.consultchat.web.privacy.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.privacy.boundary.ErasureItem;
import com.consultchat.privacy.boundary.ErasureRequests;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' list of erasure requests: open ones first, each carried out or declined with
 * a reason the person reads.
 */
@Named
@RequestScoped
public class ErasureRequestsView {

  static final String PAGE = "/admin/erasure.xhtml";

  @Inject ErasureRequests erasures;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private final Map<Long, String> reasons = new HashMap<>();
  private List<ErasureItem> items;

  public List<ErasureItem> getItems() {
    if (items == null) {
      items = erasures.all(currentUser.caller());
    }
    return items;
  }

  public Map<Long, String> getReasons() {
    return reasons;
  }

  public void carryOut(long id) throws IOException {
    try {
      ErasureItem done = erasures.carryOut(currentUser.caller(), id);
      Feedback.info(text.format("admin.erasure.done", done.personName()));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void decline(long id) throws IOException {
    try {
      erasures.decline(currentUser.caller(), id, reasons.get(id));
      Feedback.info(text.format("admin.erasure.declined"));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }
}

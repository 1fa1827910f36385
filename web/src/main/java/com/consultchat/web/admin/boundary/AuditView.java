package com.consultchat.web.admin.boundary;

import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditPage;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.audit.boundary.AuditTrail;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.admin.control.AuditQuery;
import com.consultchat.web.platform.boundary.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The audit log for administrators, newest first, narrowed by person, object, action and days. The
 * filter is a GET form, so every page of the log (and its CSV export) is a link that can be shared
 * with a colleague.
 */
@Named
@RequestScoped
public class AuditView {

  private static final AuditPage NOTHING = new AuditPage(List.of(), 0);

  @Inject AuditTrail trail;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject PageText text;

  private String actor;
  private String object;
  private String id;
  private String action;
  private String from;
  private String to;
  private String page;
  private AuditPage entries = NOTHING;
  private PageLinks links = new PageLinks(1, PageLinks.SIZE, 0);

  public void load() {
    int number = PageLinks.page(page);
    try {
      entries =
          trail.page(
              currentUser.caller(),
              query().filter(ZoneId.of(settings.timeZone())),
              PageLinks.first(number),
              PageLinks.SIZE);
      links = new PageLinks(number, PageLinks.SIZE, entries.total());
    } catch (Refused refused) {
      // Shown on this page only: no redirect follows, so the message is not kept for the next.
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.refusal(refused), null));
    }
  }

  private AuditQuery query() {
    return new AuditQuery(actor, object, id, action, from, to);
  }

  /** The filter as a query string, for the pager's and the export's links. */
  public String getQueryString() {
    return query().queryString();
  }

  /** Every action for the filter's list, in words, alphabetically in the page's language. */
  public List<AuditAction> getActions() {
    Collator order = Collator.getInstance(text.locale());
    return Arrays.stream(AuditAction.values())
        .sorted(Comparator.comparing(this::actionName, order))
        .toList();
  }

  /** What was done, in words of the page's language; an action or its stored name. */
  public String actionName(Object action) {
    String name = action instanceof AuditAction known ? known.name() : String.valueOf(action);
    String key = "audit.action." + name;
    return text.containsKey(key) ? text.get(key) : name;
  }

  public List<AuditTarget> getObjects() {
    return List.of(AuditTarget.values());
  }

  /** What kind of object an entry is about, in words. */
  public String objectName(String target) {
    String key = "audit.target." + target;
    return text.containsKey(key) ? text.get(key) : String.valueOf(target);
  }

  public AuditPage getEntries() {
    return entries;
  }

  public PageLinks getLinks() {
    return links;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getObject() {
    return object;
  }

  public void setObject(String object) {
    this.object = object;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }
}

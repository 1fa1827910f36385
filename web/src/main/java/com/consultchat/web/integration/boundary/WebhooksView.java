package com.consultchat.web.integration.boundary;

import com.consultchat.integration.boundary.IssuedWebhook;
import com.consultchat.integration.boundary.WebhookEvent;
import com.consultchat.integration.boundary.WebhookItem;
import com.consultchat.integration.boundary.Webhooks;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.integration.control.ShownOnce;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Administrators register webhooks and see how their deliveries fare; a secret shows once. */
@Named
@RequestScoped
public class WebhooksView {

  private static final String PAGE = "/admin/webhooks.xhtml";

  @Inject Webhooks webhooks;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String url;
  private List<String> events = new ArrayList<>();
  private List<WebhookItem> list;

  public List<WebhookItem> getWebhooks() {
    if (list == null) {
      list = webhooks.list(currentUser.caller());
    }
    return list;
  }

  public List<String> getEventNames() {
    return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList();
  }

  public void create() throws IOException {
    Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
    events.forEach(event -> WebhookEvent.of(event).ifPresent(chosen::add));
    try {
      IssuedWebhook issued = webhooks.create(currentUser.caller(), url, chosen);
      ShownOnce.keep(issued.secret());
      Feedback.info(text.format("webhooks.created"));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void remove(long id) throws IOException {
    Feedback.after(
        () -> webhooks.remove(currentUser.caller(), id), text.format("webhooks.removed"));
    Pages.redirect(PAGE);
  }

  /** The signing secret of the webhook just registered, on the one page view after it. */
  public String getIssued() {
    return ShownOnce.take();
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events == null ? new ArrayList<>() : events;
  }
}

package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.SnippetItem;
import com.consultchat.consultation.boundary.Snippets;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * A member of staff's own snippets: listed, created and changed in one dialog. The id in the dialog
 * comes back from the browser, so the boundary, not this view, decides whose snippet it is. After a
 * change the page redirects to itself; a refusal keeps the dialog open with the reason.
 */
@Named
@ViewScoped
public class SnippetsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String PAGE = "/staff/snippets.xhtml";

  @Inject Snippets library;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private List<SnippetItem> snippets;
  private Long id;
  private String title;
  private String shortcut;
  private String body;

  @PostConstruct
  void load() {
    snippets = library.mine(currentUser.caller());
  }

  public void startNew() {
    fill(null, null, null, null);
  }

  public void edit(SnippetItem snippet) {
    fill(snippet.id(), snippet.title(), snippet.shortcut(), snippet.body());
  }

  public void save() throws IOException {
    try {
      SnippetItem saved =
          id == null
              ? library.create(currentUser.caller(), title, shortcut, body)
              : library.update(currentUser.caller(), id, title, shortcut, body);
      Feedback.info(text.format("snippets.saved", saved.shortcut()));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      refuse(refused);
    }
  }

  public void delete() throws IOException {
    try {
      SnippetItem deleted = library.delete(currentUser.caller(), id == null ? 0 : id);
      Feedback.info(text.format("snippets.deleted", deleted.shortcut()));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      refuse(refused);
    }
  }

  /** Shown in the dialog, which stays open with what was typed. */
  private void refuse(Refused refused) {
    FacesContext.getCurrentInstance()
        .addMessage(
            "snippet", new FacesMessage(FacesMessage.SEVERITY_ERROR, text.refusal(refused), null));
  }

  private void fill(Long id, String title, String shortcut, String body) {
    this.id = id;
    this.title = title;
    this.shortcut = shortcut;
    this.body = body;
  }

  public List<SnippetItem> getSnippets() {
    return snippets;
  }

  public int getLimit() {
    return Snippets.MAX_PER_OWNER;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getShortcut() {
    return shortcut;
  }

  public void setShortcut(String shortcut) {
    this.shortcut = shortcut;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}

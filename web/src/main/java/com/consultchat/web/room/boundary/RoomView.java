package com.consultchat.web.room.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.room.boundary.HeldItem;
import com.consultchat.room.boundary.MemberStatus;
import com.consultchat.room.boundary.MemberView;
import com.consultchat.room.boundary.PinnedPost;
import com.consultchat.room.boundary.Recommendations;
import com.consultchat.room.boundary.ReportItem;
import com.consultchat.room.boundary.RoomMemberships;
import com.consultchat.room.boundary.RoomModeration;
import com.consultchat.room.boundary.RoomSummary;
import com.consultchat.room.boundary.Rooms;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.messaging.boundary.Presence;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * One room's page: its chat (over the socket, like a consultation's), the pinned posts, the member
 * list and, for its staff, requests, held posts and reports. Lists are read once per request and
 * again when the socket says the room changed. Every action redirects back.
 */
@Named
@ViewScoped
public class RoomView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Rooms rooms;
  @Inject RoomMemberships memberships;
  @Inject RoomModeration moderation;
  @Inject Recommendations recommendations;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject Presence presence;
  @Inject PageText text;

  private String id;
  private RoomSummary room;
  private List<MemberView> members;
  private List<PinnedPost> pinned;
  private List<HeldItem> held;
  private List<ReportItem> reports;
  private String pseudonym;

  /** A room this person may not see answers 404, the same whether it exists or not. */
  public void load() throws IOException {
    try {
      room = rooms.find(currentUser.caller(), parsedId());
    } catch (Refused refused) {
      Pages.notFound(refused);
    }
  }

  public void join() throws IOException {
    act(() -> memberships.join(currentUser.caller(), parsedId(), pseudonym), null);
  }

  public void leave() throws IOException {
    try {
      memberships.leave(currentUser.caller(), parsedId());
      Feedback.info(text.format("room.done.left", room.name()));
      Pages.redirect("/rooms/index.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
      Pages.redirect(path());
    }
  }

  public void rename() throws IOException {
    act(() -> memberships.rename(currentUser.caller(), parsedId(), pseudonym), "room.done.renamed");
  }

  public void acknowledge(long seq) throws IOException {
    act(
        () -> recommendations.acknowledge(currentUser.caller(), parsedId(), seq),
        "room.done.acknowledged");
  }

  void act(Runnable action, String doneKey) throws IOException {
    try {
      action.run();
      if (doneKey != null) {
        Feedback.info(text.format(doneKey));
      }
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
    Pages.redirect(path());
  }

  /**
   * Called by the page when the socket says the room changed. When what this person may do changed
   * (let in, removed, banned, archived, review switched), the page loads afresh instead, since the
   * chat and composer depend on it.
   */
  public void refresh() {
    RoomSummary before = room;
    try {
      room = rooms.find(currentUser.caller(), parsedId());
    } catch (Refused gone) {
      PrimeFaces.current().executeScript("location.reload()");
      return;
    }
    if (before.isMember() != room.isMember()
        || before.archived() != room.archived()
        || before.holdForReview() != room.holdForReview()) {
      PrimeFaces.current().executeScript("location.reload()");
    }
    members = null;
    pinned = null;
    held = null;
    reports = null;
  }

  public RoomSummary getRoom() {
    return room;
  }

  public boolean isReader() {
    return room.isMember() || room.moderator();
  }

  public boolean isCanWrite() {
    return room.isMember() && !room.archived();
  }

  public boolean isCanJoin() {
    return !room.archived() && !room.isMember() && !room.isWaiting() && !room.isBanned();
  }

  public List<MemberView> getMembers() {
    if (members == null) {
      members =
          isReader()
              ? memberships.members(currentUser.caller(), room.id(), presence::isHere)
              : List.of();
    }
    return members;
  }

  public List<MemberView> getActiveMembers() {
    return getMembers().stream().filter(m -> m.status() == MemberStatus.ACTIVE).toList();
  }

  public List<MemberView> getRequests() {
    return getMembers().stream().filter(m -> m.status() == MemberStatus.REQUESTED).toList();
  }

  public List<PinnedPost> getPinned() {
    if (pinned == null) {
      pinned = isReader() ? recommendations.pinned(currentUser.caller(), room.id()) : List.of();
    }
    return pinned;
  }

  public List<HeldItem> getHeld() {
    if (held == null) {
      held = isReader() ? moderation.held(currentUser.caller(), room.id()) : List.of();
    }
    return held;
  }

  public List<ReportItem> getReports() {
    if (reports == null) {
      reports =
          room.moderator() ? moderation.openReports(currentUser.caller(), room.id()) : List.of();
    }
    return reports;
  }

  public int getMaxLength() {
    return settings.messageMaxLength();
  }

  public int getEditWindowMinutes() {
    return settings.editWindowMinutes();
  }

  public boolean isReadReceipts() {
    return settings.readReceipts();
  }

  long parsedId() {
    return Pages.id(id, "room.missing");
  }

  String path() {
    return "/rooms/room.xhtml?id=" + parsedId();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public void setPseudonym(String pseudonym) {
    this.pseudonym = pseudonym;
  }
}

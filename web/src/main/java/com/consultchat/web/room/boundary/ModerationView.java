package com.consultchat.web.room.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.boundary.Recommendations;
import com.consultchat.room.boundary.RoomMemberships;
import com.consultchat.room.boundary.RoomModeration;
import com.consultchat.room.boundary.Rooms;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * What the room page's forms do to members and messages: requests, mutes, removals and bans,
 * message removal, pins, reports and held posts. The boundaries decide whether this person may;
 * every action ends with a redirect back to the room.
 */
@Named
@RequestScoped
public class ModerationView {

  @Inject RoomMemberships memberships;
  @Inject RoomModeration moderation;
  @Inject Recommendations recommendations;
  @Inject Rooms rooms;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private Long seq;
  private Long report;
  private String reason;
  private String resolution;
  private boolean removeMessage;
  private int minutes = 60;

  public void approve(long room, long account) throws IOException {
    act(room, me -> memberships.approve(me, room, account), "room.done.approved");
  }

  public void decline(long room, long account) throws IOException {
    act(room, me -> memberships.decline(me, room, account), "room.done.declined");
  }

  public void mute(long room, long account) throws IOException {
    act(room, me -> memberships.mute(me, room, account, minutes), "room.done.muted");
  }

  public void unmute(long room, long account) throws IOException {
    act(room, me -> memberships.unmute(me, room, account), "room.done.unmuted");
  }

  public void remove(long room, long account) throws IOException {
    act(room, me -> memberships.remove(me, room, account), "room.done.removed");
  }

  public void ban(long room, long account) throws IOException {
    act(room, me -> memberships.ban(me, room, account), "room.done.banned");
  }

  public void removeMessage(long room) throws IOException {
    act(room, me -> moderation.removeMessage(me, room, seqOrZero()), "room.done.message-removed");
  }

  public void pin(long room) throws IOException {
    act(room, me -> recommendations.pin(me, room, seqOrZero()), "room.done.pinned");
  }

  public void unpin(long room, long pinnedSeq) throws IOException {
    act(room, me -> recommendations.unpin(me, room, pinnedSeq), "room.done.unpinned");
  }

  public void report(long room) throws IOException {
    act(room, me -> moderation.report(me, room, seqOrZero(), reason), "room.done.reported");
  }

  public void resolve(long room) throws IOException {
    act(
        room,
        me -> moderation.resolve(me, report == null ? 0 : report, resolution, removeMessage),
        "room.done.resolved");
  }

  public void release(long room, long held) throws IOException {
    act(room, me -> moderation.release(me, held), "room.done.released");
  }

  public void reject(long room, long held) throws IOException {
    act(room, me -> moderation.reject(me, held), "room.done.rejected");
  }

  public void archive(long room) throws IOException {
    act(room, me -> rooms.archive(me, room), "room.done.archived");
  }

  public void holdForReview(long room, boolean hold) throws IOException {
    act(
        room,
        me -> rooms.holdForReview(me, room, hold),
        hold ? "room.done.hold" : "room.done.unhold");
  }

  private void act(long room, Consumer<Caller> action, String doneKey) throws IOException {
    try {
      action.accept(currentUser.caller());
      Feedback.info(text.format(doneKey));
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
    Pages.redirect("/rooms/room.xhtml?id=" + room);
  }

  private long seqOrZero() {
    return seq == null ? 0 : seq;
  }

  public Long getSeq() {
    return seq;
  }

  public void setSeq(Long seq) {
    this.seq = seq;
  }

  public Long getReport() {
    return report;
  }

  public void setReport(Long report) {
    this.report = report;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getResolution() {
    return resolution;
  }

  public void setResolution(String resolution) {
    this.resolution = resolution;
  }

  public boolean isRemoveMessage() {
    return removeMessage;
  }

  public void setRemoveMessage(boolean removeMessage) {
    this.removeMessage = removeMessage;
  }

  public int getMinutes() {
    return minutes;
  }

  public void setMinutes(int minutes) {
    this.minutes = minutes;
  }
}

package com.consultchat.web.room.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.boundary.ReportItem;
import com.consultchat.room.boundary.RoomMemberships;
import com.consultchat.room.boundary.RoomModeration;
import com.consultchat.room.boundary.RoomSummary;
import com.consultchat.room.boundary.Rooms;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The room directory: rooms by topic with where the person stands in each, joining, and for staff
 * the form to create a room and the open reports of the rooms they run.
 */
@Named
@ViewScoped
public class RoomsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Rooms allRooms;
  @Inject RoomMemberships memberships;
  @Inject RoomModeration moderation;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String topic;
  private List<RoomSummary> rooms;
  private List<String> topics;
  private List<ReportItem> reports;

  private String name;
  private String newTopic;
  private String description;
  private boolean open = true;
  private boolean holdForReview;

  private Long joinRoom;
  private String pseudonym;

  public List<RoomSummary> getRooms() {
    if (rooms == null) {
      rooms = allRooms.directory(currentUser.caller(), topic);
    }
    return rooms;
  }

  public List<String> getTopics() {
    if (topics == null) {
      topics = allRooms.topics(currentUser.caller());
    }
    return topics;
  }

  public List<ReportItem> getReports() {
    if (reports == null) {
      reports = currentUser.isStaff() ? moderation.openReports(currentUser.caller()) : List.of();
    }
    return reports;
  }

  public void create() throws IOException {
    try {
      RoomSummary room =
          allRooms.create(currentUser.caller(), name, newTopic, description, open, holdForReview);
      Feedback.info(text.format("rooms.done.created", room.topic()));
      Pages.redirect("/rooms/room.xhtml?id=" + room.id());
    } catch (Refused refused) {
      Feedback.refused(refused);
      Pages.redirect("/rooms/index.xhtml");
    }
  }

  /** Joins or asks to join; patients land in the room when they are in, else back here. */
  public void join() throws IOException {
    long room = joinRoom == null ? 0 : joinRoom;
    try {
      switch (memberships.join(currentUser.caller(), room, pseudonym)) {
        case ACTIVE -> {
          Feedback.info(text.format("rooms.done.joined"));
          Pages.redirect("/rooms/room.xhtml?id=" + room);
          return;
        }
        default -> Feedback.info(text.format("rooms.done.asked"));
      }
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
    Pages.redirect("/rooms/index.xhtml");
  }

  /** Called by the page when the socket says a room changed. */
  public void refresh() {
    rooms = null;
    reports = null;
  }

  public void filter() {
    rooms = null;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNewTopic() {
    return newTopic;
  }

  public void setNewTopic(String newTopic) {
    this.newTopic = newTopic;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isOpen() {
    return open;
  }

  public void setOpen(boolean open) {
    this.open = open;
  }

  public boolean isHoldForReview() {
    return holdForReview;
  }

  public void setHoldForReview(boolean holdForReview) {
    this.holdForReview = holdForReview;
  }

  public Long getJoinRoom() {
    return joinRoom;
  }

  public void setJoinRoom(Long joinRoom) {
    this.joinRoom = joinRoom;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public void setPseudonym(String pseudonym) {
    this.pseudonym = pseudonym;
  }
}

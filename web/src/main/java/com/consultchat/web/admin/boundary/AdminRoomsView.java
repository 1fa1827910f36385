package com.consultchat.web.admin.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.boundary.RoomActivity;
import com.consultchat.room.boundary.RoomAdministration;
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
 * Every room with its activity, for administrators; each row's own form edits the room's name,
 * topic and description, or deletes it with its messages after a confirmation. The row's room id
 * and the edited texts travel as plain parameters of its form ({@code room}, {@code name}, {@code
 * topic}, {@code description}), so each form shows its own room's current values.
 */
@Named
@RequestScoped
public class AdminRoomsView {

  private static final String NO_ROOM = "room.not.found";

  @Inject RoomAdministration rooms;
  @Inject CurrentUser currentUser;
  @Inject PageText text;
  @Inject HttpServletRequest request;

  private List<RoomActivity> all;

  public List<RoomActivity> getAll() {
    if (all == null) {
      all = rooms.overview(currentUser.caller());
    }
    return all;
  }

  public void edit() throws IOException {
    try {
      String name = request.getParameter("name");
      rooms.edit(
          currentUser.caller(),
          room(),
          name,
          request.getParameter("topic"),
          request.getParameter("description"));
      Feedback.info(text.format("admin.rooms.saved", name.strip()));
      Pages.redirect("/admin/rooms.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void delete() throws IOException {
    try {
      rooms.delete(currentUser.caller(), room());
      Feedback.info(text.format("admin.rooms.deleted"));
      Pages.redirect("/admin/rooms.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  private long room() {
    return Pages.id(request.getParameter("room"), NO_ROOM);
  }
}

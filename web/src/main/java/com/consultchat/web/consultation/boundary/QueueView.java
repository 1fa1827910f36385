package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationQueue;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.consultation.boundary.QueueItem;
import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.consultation.boundary.SpecialtyRef;
import com.consultchat.consultation.boundary.StaffMember;
import com.consultchat.consultation.boundary.Transcripts;
import com.consultchat.consultation.boundary.Urgencies;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff workspace: the queue of waiting requests, filtered by specialty, and the consultations
 * this member of staff is working on with what is unread in them. Administrators also assign
 * requests from here.
 */
@Named
@ViewScoped
public class QueueView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Filter values besides a specialty id. */
  static final String MINE = "mine";

  static final String ALL = "all";

  @Inject Consultations consultations;
  @Inject Specialties specialties;
  @Inject Conversations conversations;
  @Inject CurrentUser currentUser;
  @Inject Transcripts transcripts;
  @Inject ConsultationQueue queue;
  @Inject Urgencies urgencies;
  @Inject PageText text;

  private String filter;
  private Set<Long> practised;
  private List<QueueItem> waiting;
  private List<ConsultationSummary> mine;
  private Set<Long> urgentMine;
  private Map<Long, Long> unread;
  private List<SpecialtyRef> offered;
  private List<StaffMember> staff;
  private List<ConsultationSummary> closed;

  /** The member of staff chosen in each request's row, by consultation id, as posted. */
  private final Map<Long, Object> assignments = new HashMap<>();

  @PostConstruct
  void init() {
    practised = specialties.of(currentUser.caller());
    filter = practised.isEmpty() ? ALL : MINE;
  }

  public List<QueueItem> getWaiting() {
    if (waiting == null) {
      waiting = queue.waiting(currentUser.caller()).stream().filter(this::shown).toList();
    }
    return waiting;
  }

  /** Urgent requests show whatever the filter: anyone free should see them. */
  private boolean shown(QueueItem item) {
    if (ALL.equals(filter) || item.urgent()) {
      return true;
    }
    if (MINE.equals(filter)) {
      return item.concerns(practised);
    }
    return String.valueOf(item.specialtyId()).equals(filter);
  }

  public List<ConsultationSummary> getMine() {
    if (mine == null) {
      mine = consultations.mine(currentUser.caller());
    }
    return mine;
  }

  /** Which of this member of staff's own consultations are flagged urgent. */
  public Set<Long> getUrgentMine() {
    if (urgentMine == null) {
      urgentMine =
          urgencies.among(
              currentUser.caller(), getMine().stream().map(ConsultationSummary::id).toList());
    }
    return urgentMine;
  }

  /** Closed consultations this member of staff held, whose transcripts they can open. */
  public List<ConsultationSummary> getClosed() {
    if (closed == null) {
      closed = transcripts.recentlyClosed(currentUser.caller());
    }
    return closed;
  }

  /** Unread messages by conversation id. */
  public Map<Long, Long> getUnread() {
    if (unread == null) {
      unread = conversations.unread(currentUser.caller());
    }
    return unread;
  }

  public List<SpecialtyRef> getSpecialties() {
    if (offered == null) {
      offered = specialties.all();
    }
    return offered;
  }

  public boolean isPractising() {
    return !practised.isEmpty();
  }

  /** Whom an administrator can assign a request to. */
  public List<StaffMember> getStaff() {
    if (staff == null) {
      staff = currentUser.isAdmin() ? consultations.colleagues(currentUser.caller()) : List.of();
    }
    return staff;
  }

  public void take(long consultationId) throws IOException {
    try {
      consultations.take(currentUser.caller(), consultationId);
      Pages.redirect("/consultation/chat.xhtml?id=" + consultationId);
    } catch (Refused refused) {
      Feedback.refused(refused);
      refresh();
    }
  }

  public void assign(long consultationId) throws IOException {
    try {
      ConsultationSummary assigned =
          consultations.assign(currentUser.caller(), consultationId, chosen(consultationId));
      Feedback.info(text.format("queue.assigned", assigned.staffName()));
      Pages.redirect("/staff/queue.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
      refresh();
    }
  }

  /** Called by the page when the socket says the queue changed. */
  public void refresh() {
    waiting = null;
    mine = null;
    urgentMine = null;
    closed = null;
    unread = null;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter == null || filter.isBlank() ? ALL : filter;
    waiting = null;
  }

  private long chosen(long consultationId) {
    try {
      return Long.parseLong(String.valueOf(assignments.get(consultationId)));
    } catch (NumberFormatException e) {
      throw Refused.invalid("queue.assign.missing");
    }
  }

  public Map<Long, Object> getAssignments() {
    return assignments;
  }
}

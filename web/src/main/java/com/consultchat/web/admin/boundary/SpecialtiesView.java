package com.consultchat.web.admin.boundary;

import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.consultation.boundary.SpecialtyRef;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Administrators define the clinic's specialties and say which staff practise them. */
@Named
@RequestScoped
public class SpecialtiesView {

  @Inject Specialties specialties;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String name;
  private List<SpecialtyRef> all;
  private Map<Long, Object> selection;
  private Map<Long, List<String>> names;

  public List<SpecialtyRef> getAll() {
    if (all == null) {
      all = specialties.all();
    }
    return all;
  }

  /** Per member of staff, the ids of what they practise; each row's form posts its own. */
  public Map<Long, Object> getSelection() {
    if (selection == null) {
      selection = new HashMap<>(specialties.idsByStaff(currentUser.caller()));
    }
    return selection;
  }

  public Map<Long, List<String>> getNames() {
    if (names == null) {
      names = specialties.namesByStaff(currentUser.caller());
    }
    return names;
  }

  public void create() throws IOException {
    try {
      SpecialtyRef created = specialties.create(currentUser.caller(), name);
      Feedback.info(text.format("admin.accounts.specialty.added", created.name()));
      Pages.redirect("/admin/accounts.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void assign(long staffId) throws IOException {
    try {
      specialties.assign(
          currentUser.caller(),
          staffId,
          chosen(getSelection().get(staffId)).stream().map(SpecialtiesView::id).toList());
      Feedback.info(text.format("admin.accounts.specialties.saved"));
      Pages.redirect("/admin/accounts.xhtml");
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  /** What a row's menu posted: Faces hands a map value over as an array or a list. */
  private static List<String> chosen(Object posted) {
    if (posted instanceof Object[] array) {
      return Arrays.stream(array).map(String::valueOf).toList();
    }
    if (posted instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static Long id(String value) {
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw Refused.invalid("specialty.not.found");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}

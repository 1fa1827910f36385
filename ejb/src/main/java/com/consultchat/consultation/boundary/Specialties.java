package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import com.consultchat.consultation.entity.Person;
import com.consultchat.consultation.entity.Specialty;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The clinic's specialties and which staff practise them. Everyone may read the list (patients pick
 * from it); only administrators change it.
 */
@Stateless
public class Specialties {

  @Inject EntityManager em;
  @Inject Clock clock;

  public List<SpecialtyRef> all() {
    return em.createNamedQuery(Specialty.ALL, Specialty.class)
        .getResultStream()
        .map(SpecialtyRef::of)
        .toList();
  }

  public SpecialtyRef create(Caller caller, String name) {
    requireAdmin(caller);
    String clean = Specialty.checkName(name);
    if (!em.createNamedQuery(Specialty.BY_NAME, Specialty.class)
        .setParameter("name", clean)
        .getResultList()
        .isEmpty()) {
      throw Refused.conflict("specialty.exists", clean);
    }
    Specialty specialty = new Specialty(clean, clock.instant());
    em.persist(specialty);
    return SpecialtyRef.of(specialty);
  }

  /**
   * For the opt-in demo: a few specialties, the first practised by the demo specialist. Does
   * nothing once any specialty exists, so every start may ask.
   */
  public void seedDemo(List<String> names, long staffId) {
    if (!all().isEmpty() || names.isEmpty()) {
      return;
    }
    List<Specialty> created = new ArrayList<>();
    for (String name : names) {
      Specialty specialty = new Specialty(name, clock.instant());
      em.persist(specialty);
      created.add(specialty);
    }
    em.flush();
    em.createNativeQuery("insert into staff_specialty (account_id, specialty_id) values (?1, ?2)")
        .setParameter(1, staffId)
        .setParameter(2, created.get(0).id())
        .executeUpdate();
  }

  /** The ids of the specialties this person practises; empty for patients. */
  public Set<Long> of(Caller caller) {
    return idsOf(caller.id());
  }

  /** Replaces what a member of staff practises. */
  public void assign(Caller caller, long staffId, Collection<Long> specialtyIds) {
    requireAdmin(caller);
    Person staff = em.find(Person.class, staffId);
    if (staff == null || staff.role() == Role.PATIENT) {
      throw Refused.notFound("staff.unknown");
    }
    Set<Long> wanted = new LinkedHashSet<>(specialtyIds);
    for (Long id : wanted) {
      if (id == null || em.find(Specialty.class, id) == null) {
        throw Refused.invalid("specialty.unknown");
      }
    }
    em.createNativeQuery("delete from staff_specialty where account_id = ?1")
        .setParameter(1, staffId)
        .executeUpdate();
    for (Long id : wanted) {
      em.createNativeQuery("insert into staff_specialty (account_id, specialty_id) values (?1, ?2)")
          .setParameter(1, staffId)
          .setParameter(2, id)
          .executeUpdate();
    }
  }

  /** Specialty names by member of staff, for staff lists and the transfer dialog. */
  public Map<Long, List<String>> namesByStaff(Caller caller) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("specialty.staff-only");
    }
    List<?> rows =
        em.createNativeQuery(
                "select ss.account_id, s.name from staff_specialty ss"
                    + " join specialty s on s.id = ss.specialty_id order by lower(s.name)")
            .getResultList();
    Map<Long, List<String>> names = new TreeMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      names
          .computeIfAbsent(((Number) columns[0]).longValue(), id -> new ArrayList<>())
          .add((String) columns[1]);
    }
    return names;
  }

  /** Which specialties each member of staff practises, by id, for the administrators' form. */
  public Map<Long, List<String>> idsByStaff(Caller caller) {
    requireAdmin(caller);
    List<?> rows =
        em.createNativeQuery("select account_id, specialty_id from staff_specialty")
            .getResultList();
    Map<Long, List<String>> ids = new TreeMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      ids.computeIfAbsent(((Number) columns[0]).longValue(), id -> new ArrayList<>())
          .add(String.valueOf(((Number) columns[1]).longValue()));
    }
    return ids;
  }

  private Set<Long> idsOf(long accountId) {
    List<?> ids =
        em.createNativeQuery("select specialty_id from staff_specialty where account_id = ?1")
            .setParameter(1, accountId)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("specialty.admins-only");
    }
  }
}

package com.consultchat.account.control;

import com.consultchat.account.boundary.Role;
import java.util.Set;

/**
 * The role a person of the site's provider has here, from the values of the provider's role claim:
 * administrator if any value is an administrator's, else staff if any is a staff member's, else
 * patient. Values are compared exactly, as providers spell them.
 */
public record SignOnRoles(Set<String> staff, Set<String> admin) {

  public Role of(Set<String> values) {
    if (values.stream().anyMatch(admin::contains)) {
      return Role.ADMIN;
    }
    if (values.stream().anyMatch(staff::contains)) {
      return Role.STAFF;
    }
    return Role.PATIENT;
  }
}

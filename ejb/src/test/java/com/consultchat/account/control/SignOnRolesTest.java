package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignOnRolesTest {

  private final SignOnRoles roles = new SignOnRoles(Set.of("staff", "teacher"), Set.of("admin"));

  @Test
  void theHighestMatchingRoleWins() {
    assertThat(roles.of(Set.of("teacher", "offline_access"))).isEqualTo(Role.STAFF);
    assertThat(roles.of(Set.of("staff", "admin"))).isEqualTo(Role.ADMIN);
  }

  @Test
  void anyoneElseIsAPatientAndValuesAreComparedExactly() {
    assertThat(roles.of(Set.of())).isEqualTo(Role.PATIENT);
    assertThat(roles.of(Set.of("Staff", "administrator"))).isEqualTo(Role.PATIENT);
  }
}

package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

  @Test
  void passwordsAreFourGroupsWithoutLookAlikesAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String password = OneTimePasswords.next();
      assertThat(password).matches("([a-zA-Z3-9]{4}-){3}[a-zA-Z3-9]{4}");
      assertThat(password).doesNotContain("0", "O", "1", "l", "I");
      seen.add(password);
    }
    assertThat(seen).hasSize(1000);
  }
}

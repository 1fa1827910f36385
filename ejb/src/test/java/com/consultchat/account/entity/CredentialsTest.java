package com.consultchat.account.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void usernamesAreStoredLowerCaseAndTrimmed() {
    assertThat(Credentials.username("  Anna.Berg ")).isEqualTo("anna.berg");
  }

  @Test
  void usernamesWithSpacesOrTooShortAreRefusedWithTheRule() {
    assertThatThrownBy(() -> Credentials.username("an na"))
        .isInstanceOf(Refused.class)
        .hasMessage("account.username-form");
    assertThatThrownBy(() -> Credentials.username("ab")).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Credentials.username(null)).isInstanceOf(Refused.class);
  }

  @Test
  void shortPasswordsAreTooWeak() {
    assertThatThrownBy(() -> Credentials.checkPassword("short-pass", "anna"))
        .isInstanceOf(Refused.class)
        .hasMessage("account.password-short")
        .extracting(e -> ((Refused) e).arguments())
        .isEqualTo(new Object[] {12});
  }

  @Test
  void passwordsMadeOfOneCharacterOrContainingTheUsernameAreTooWeak() {
    assertThatThrownBy(() -> Credentials.checkPassword("aaaaaaaaaaaaaaaa", "anna"))
        .hasMessage("account.password-variety");
    assertThatThrownBy(() -> Credentials.checkPassword("my-name-is-ANNA-ok", "anna"))
        .hasMessage("account.password-username");
  }

  @Test
  void longPassphrasesPass() {
    assertThatCode(() -> Credentials.checkPassword("correct horse battery", "anna"))
        .doesNotThrowAnyException();
  }

  @Test
  void commonAndPatternedPasswordsAreRefusedWithTheReason() {
    for (String common :
        new String[] {"Password123!", "qwertyuiop123", "password1234", "summer2024summer"}) {
      assertThatThrownBy(() -> Credentials.checkPassword(common, "anna"))
          .as(common)
          .isInstanceOf(Refused.class)
          .hasMessage("account.password-guessable")
          .extracting(e -> ((Refused) e).arguments()[0].toString())
          .asString()
          .contains("common");
    }
    assertThatThrownBy(() -> Credentials.checkPassword("abcdefghijklmnop", "anna"))
        .hasMessage("account.password-guessable")
        .extracting(e -> ((Refused) e).arguments()[0].toString())
        .asString()
        .contains("Sequences like abc");
  }

  @Test
  void anUncommonPhraseOfSeveralWordsPasses() {
    assertThatCode(() -> Credentials.checkPassword("my own clinic login 2026", "anna"))
        .doesNotThrowAnyException();
  }

  @Test
  void displayNamesCollapseWhitespaceAndRefuseControlCharacters() {
    assertThat(Credentials.displayName("  Dr.   Who ")).isEqualTo("Dr. Who");
    assertThatThrownBy(() -> Credentials.displayName("bell\u0007")).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Credentials.displayName("   ")).isInstanceOf(Refused.class);
  }
}

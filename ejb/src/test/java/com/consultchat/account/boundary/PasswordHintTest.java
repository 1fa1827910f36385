package com.consultchat.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.consultchat.account.entity.Credentials;
import com.consultchat.platform.boundary.Refused;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordHintTest {

  private static Refused refusal() {
    return catchThrowableOfType(
        Refused.class, () -> Credentials.checkPassword("Password123!", "anna"));
  }

  @Test
  void aGuessablePasswordCarriesTheEstimatorsKeysReadInEnglishAsTheyAre() {
    Refused refused = refusal();

    assertThat(refused).hasMessage("account.password-guessable");
    assertThat(refused.arguments()[0]).isInstanceOf(PasswordHint.class);
    assertThat(refused.arguments()[0].toString()).contains("common password");
  }

  @Test
  void theHintsTakeTheWordsGivenForTheirKeysElseTheEstimatorsForTheLanguage() {
    Refused refused = refusal();

    Refused ours = PasswordHint.in(refused, Locale.GERMAN, key -> Optional.empty());
    assertThat(ours.arguments()[0].toString()).contains("Passwort");

    Refused mapped = PasswordHint.in(refused, Locale.GERMAN, key -> Optional.of("«" + key + "»"));
    assertThat(mapped.getMessage()).isEqualTo("account.password-guessable");
    assertThat(mapped.arguments()[0].toString()).startsWith("«feedback.");
  }

  @Test
  void otherRefusalsStayAsTheyAre() {
    Refused other = Refused.invalid("account.password-short", 12);

    assertThat(PasswordHint.in(other, Locale.GERMAN)).isSameAs(other);
  }
}

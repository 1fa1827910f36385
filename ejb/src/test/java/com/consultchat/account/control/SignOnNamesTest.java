package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.entity.Credentials;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignOnNamesTest {

  @Test
  void theProvidersUsernameIsKeptWhenItIsOneOfOurs() {
    assertThat(SignOnNames.username("pat.portal", "x@example.org", taken()))
        .isEqualTo("pat.portal");
  }

  @Test
  void otherwiseItIsMadeOneOfOursAndStillPassesOurRules() {
    String made = SignOnNames.username("  Zoë Müller-Øst (Ward 3)  ", null, taken());
    assertThat(made).isEqualTo("zoe-muller-st-ward-3");
    assertThat(Credentials.username(made)).isEqualTo(made);
  }

  @Test
  void anEmailsLocalPartStandsInForAMissingOrUnusableUsername() {
    assertThat(SignOnNames.username(null, "Dana.Doctor@clinic.example", taken()))
        .isEqualTo("dana.doctor");
    assertThat(SignOnNames.username("é", "sam@example.org", taken())).isEqualTo("sam");
    assertThat(SignOnNames.username(null, null, taken())).isEqualTo("member");
  }

  @Test
  void aTakenUsernameIsNumberedWithinOurLengthLimit() {
    assertThat(SignOnNames.username("pat", null, taken("pat", "pat-2"))).isEqualTo("pat-3");
    String longest = "a".repeat(40);
    String numbered = SignOnNames.username(longest, null, taken(longest));
    assertThat(numbered).hasSize(40).endsWith("-2");
    assertThat(Credentials.username(numbered)).isEqualTo(numbered);
  }

  @Test
  void theDisplayNameIsTheProvidersNameTidiedAndCut() {
    assertThat(SignOnNames.displayName("  Pat \t Portal ", "pat")).isEqualTo("Pat Portal");
    assertThat(SignOnNames.displayName(null, "pat")).isEqualTo("pat");
    assertThat(SignOnNames.displayName("x".repeat(120), "pat")).hasSize(80);
  }

  private static java.util.function.Predicate<String> taken(String... names) {
    return Set.of(names)::contains;
  }
}

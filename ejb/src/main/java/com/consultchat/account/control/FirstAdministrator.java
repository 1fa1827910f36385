package com.consultchat.account.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.SchemaMigrated;
import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes sure there is an administrator once the schema is current: with the configured password, or
 * else with a one-time password written to the log that must be changed at first login.
 */
@Dependent
public class FirstAdministrator {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final System.Logger LOG = System.getLogger(FirstAdministrator.class.getName());

  @Inject Settings settings;
  @Inject Accounts accounts;

  void ensure(@Observes SchemaMigrated migrated) {
    if (accounts.hasAdministrator()) {
      return;
    }
    String username = settings.adminUsername();
    settings
        .adminPassword()
        .ifPresentOrElse(
            password -> {
              try {
                accounts.createFirstAdministrator(username, password, false);
              } catch (Refused refused) {
                throw new IllegalStateException(
                    "CONSULTCHAT_ADMIN_PASSWORD is not accepted: " + refused.getMessage());
              }
              LOG.log(Level.INFO, "Created the first administrator ''{0}''", username);
            },
            () -> {
              String oneTime = randomPassword();
              accounts.createFirstAdministrator(username, oneTime, true);
              LOG.log(
                  Level.WARNING,
                  "Created the first administrator ''{0}'' with the one-time password {1}"
                      + " (no CONSULTCHAT_ADMIN_PASSWORD was set). It must be changed at first"
                      + " login.",
                  username,
                  oneTime);
            });
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

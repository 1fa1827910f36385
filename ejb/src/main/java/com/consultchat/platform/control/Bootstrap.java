package com.consultchat.platform.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.entity.Role;
import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.migrations.SchemaMigrations;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs once at deployment, before the application serves anyone: brings the schema up to date,
 * makes sure there is an administrator, and seeds the demo accounts when asked to.
 */
@Singleton
@Startup
// A reference, not an injection: it makes this bean (and so the application) start only once the
// persistence unit runs, which EntityManagerProducer's JNDI lookup relies on.
@PersistenceContext(name = "persistence/consultchat", unitName = "consultchat")
// Flyway commits its own transactions; a container transaction around it would forbid that.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

  private static final System.Logger LOG = System.getLogger(Bootstrap.class.getName());

  static final String DEMO_PATIENT = "demo-patient";
  static final String DEMO_SPECIALIST = "demo-specialist";
  static final String DEMO_PASSWORD = "consultchat-demo";

  @Resource(lookup = "java:jboss/datasources/ConsultChatDS")
  DataSource dataSource;

  @Inject Settings settings;
  @Inject Accounts accounts;
  @Inject Specialties specialties;

  @PostConstruct
  void start() {
    int applied = SchemaMigrations.migrate(dataSource);
    LOG.log(Level.INFO, "Database schema is current ({0} migrations applied now)", applied);
    ensureAdministrator();
    if (settings.demo()) {
      seedDemo();
    }
  }

  private void ensureAdministrator() {
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

  private void seedDemo() {
    boolean patient =
        accounts.createIfMissing(DEMO_PATIENT, "Dana Demo", DEMO_PASSWORD, Role.PATIENT);
    boolean specialist =
        accounts.createIfMissing(DEMO_SPECIALIST, "Dr. Sam Demo", DEMO_PASSWORD, Role.STAFF);
    specialties.seedDemo(List.of("Dermatology", "Cardiology", "Endocrinology"), DEMO_SPECIALIST);
    if (patient || specialist) {
      LOG.log(
          Level.WARNING,
          "Demo mode: accounts ''{0}'' and ''{1}'' with password ''{2}''. Never on a real clinic''s"
              + " server.",
          DEMO_PATIENT,
          DEMO_SPECIALIST,
          DEMO_PASSWORD);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

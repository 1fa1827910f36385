package com.consultchat.platform.control;

import com.consultchat.migrations.SchemaMigrations;
import com.consultchat.platform.boundary.SchemaMigrated;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs once at deployment, before the application serves anyone: brings the schema up to date (as
 * the schema's owner; the application's own role may not change it), then tells the features
 * ({@link SchemaMigrated}), which seed their own data (the first administrator, the demo when asked
 * for). Platform knows no feature, so it names none here.
 */
@Singleton
@Startup
// A reference, not an injection: it makes this bean (and so the application) start only once the
// persistence unit runs, which EntityManagerProducer's JNDI lookup relies on.
@PersistenceContext(name = "persistence/consultchat", unitName = "consultchat")
// Flyway commits its own transactions; a container transaction around it would forbid that.
// Each feature's seeding goes through its boundaries, which bring their own transactions.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

  private static final System.Logger LOG = System.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "java:jboss/datasources/ConsultChatDS")
  DataSource dataSource;

  /** The schema owner's: only the migrations run as the owner, the application never does. */
  @Resource(lookup = "java:jboss/datasources/ConsultChatOwnerDS")
  DataSource ownerDataSource;

  @Inject Event<SchemaMigrated> schemaMigrated;

  /**
   * The PostgreSQL advisory lock (its key is "consult" in ASCII) under which a node migrates and
   * seeds, so that nodes of a cluster starting together take turns: the second finds the schema
   * current and the first administrator there, instead of both creating it.
   */
  private static final String TAKE_TURN = "select pg_advisory_lock(27988542868515956)";

  private static final String END_TURN = "select pg_advisory_unlock(27988542868515956)";

  @PostConstruct
  void start() {
    try (Connection turn = dataSource.getConnection()) {
      advisoryLock(turn, TAKE_TURN);
      try {
        int applied = SchemaMigrations.migrate(ownerDataSource, applicationRole());
        LOG.log(Level.INFO, "Database schema is current ({0} migrations applied now)", applied);
        // Synchronous: observers run here, inside the start, so a failing seed (a rejected
        // administrator password) stops the deployment and nobody is served before seeding is done.
        schemaMigrated.fire(new SchemaMigrated());
      } finally {
        advisoryLock(turn, END_TURN);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The application's database role cannot connect", e);
    }
  }

  // A session lock, held on a connection of its own while the migrations and seeds use others; it
  // goes with the connection if this node dies on the way.
  private static void advisoryLock(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet done = statement.executeQuery(query)) {
      done.next();
    }
  }

  /** The role the application's datasource logs in as, which the migrations grant its rights. */
  private String applicationRole() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet role = statement.executeQuery("select current_user")) {
      role.next();
      return role.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("The application's database role cannot connect", e);
    }
  }
}

package com.consultchat.migrations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of the server's readiness (MicroProfile Health, on the management interface): this node is
 * ready only while it can reach its database, since every message is stored before it is
 * acknowledged. A load balancer takes a node that is not ready out of rotation; liveness stays the
 * server's own, so a database outage does not get healthy nodes restarted.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final String NAME = "consultchat-database";

  /** Longer than a healthy round trip by far, short enough for a probe's own timeout. */
  static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:jboss/datasources/ConsultChatDS")
  DataSource database;

  @Override
  public HealthCheckResponse call() {
    boolean reachable;
    try (Connection connection = database.getConnection()) {
      reachable = connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException unreachable) {
      // The reason stays in the server; the answer says only that the database is not there.
      reachable = false;
    }
    return new HealthCheckResponse(NAME, reachable ? Status.UP : Status.DOWN, Optional.empty());
  }
}

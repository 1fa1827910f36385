package com.consultchat.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

  @Test
  void notReadyWhenNoConnectionCanBeHad() {
    DatabaseReadiness check = new DatabaseReadiness();
    check.database =
        proxy(
            DataSource.class,
            (method) -> {
              throw new SQLException("Connection refused", "08001");
            });

    HealthCheckResponse response = check.call();

    assertThat(response.getName()).isEqualTo("consultchat-database");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
  }

  @Test
  void readyWhenTheConnectionAnswers() {
    Connection connection =
        proxy(Connection.class, method -> method.equals("isValid") ? Boolean.TRUE : null);
    DatabaseReadiness check = new DatabaseReadiness();
    check.database = proxy(DataSource.class, method -> connection);

    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  interface Answer {
    Object to(String method) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.to(method.getName())));
  }
}

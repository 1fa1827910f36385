package com.consultchat.web.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureTest {

  @Test
  void lockAndStatementTimeoutsLostConnectionsAndRestartsAreRetryable() {
    for (String state : new String[] {"55P03", "57014", "08006", "08003", "57P01", "40P01"}) {
      Failure failure = Failure.of(wrapped(new SQLException("failed", state)));
      assertThat(failure.retryable()).as(state).isTrue();
      assertThat(failure.state()).isEqualTo(state);
      assertThat(failure.kind()).isEqualTo("SQLState class " + state.substring(0, 2));
    }
  }

  @Test
  void whatTheDatabaseRefusesForGoodIsNotRetryable() {
    Failure unique = Failure.of(wrapped(new SQLException("duplicate key", "23505")));

    assertThat(unique.retryable()).isFalse();
    assertThat(unique.kind()).isEqualTo("SQLState class 23");
  }

  @Test
  void aFullPoolIsRetryableThoughItHasNoSqlState() {
    SQLException noConnection = new SQLException("IJ000453: Unable to get managed connection");
    noConnection.initCause(new ResourceException("IJ000655: No managed connections available"));

    Failure failure = Failure.of(wrapped(noConnection));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.kind()).isEqualTo("ResourceException");
  }

  @Test
  void aBugIsNotRetryableAndIsNamedByItsType() {
    Failure failure = Failure.of(new EJBException(new NullPointerException()));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.kind()).isEqualTo("NullPointerException");
  }

  @Test
  void aChainThatLoopsBackStillEnds() {
    RuntimeException outer = new RuntimeException();
    RuntimeException inner = new RuntimeException(outer);
    outer.initCause(inner);

    assertThat(Failure.of(outer).retryable()).isFalse();
  }

  private static RuntimeException wrapped(SQLException cause) {
    return new EJBException(new PersistenceException(cause));
  }
}

package com.consultchat.web.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.platform.boundary.Refused;
import jakarta.ws.rs.core.Response.Status;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void aRefusalIsWrittenInTheErrorFramesShape() {
    assertThat(Problems.body(Refused.forbidden("Only staff have snippets.")))
        .isEqualTo(
            "{\"code\":\"forbidden\",\"message\":\"Only staff have snippets.\",\"type\":\"error\"}");
  }

  @Test
  void eachReasonHasItsOwnStatusAndCode() {
    assertThat(Problems.status(Refused.invalid("x"))).isEqualTo(Status.BAD_REQUEST);
    assertThat(Problems.status(Refused.notFound("x"))).isEqualTo(Status.NOT_FOUND);
    assertThat(Problems.status(Refused.forbidden("x"))).isEqualTo(Status.FORBIDDEN);
    assertThat(Problems.status(Refused.conflict("x"))).isEqualTo(Status.CONFLICT);
    assertThat(Problems.code(Refused.invalid("x"))).isEqualTo("invalid");
    assertThat(Problems.code(Refused.notFound("x"))).isEqualTo("not-found");
    assertThat(Problems.code(Refused.forbidden("x"))).isEqualTo("forbidden");
    assertThat(Problems.code(Refused.conflict("x"))).isEqualTo("conflict");
  }
}

package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameCodecTest {

  @Test
  void aBusyErrorCarriesItsRetryAfterAndOtherErrorsLeaveItOut() {
    String busy = FrameCodec.encode(ServerFrame.Problem.busy("c-1", 3, "Busy."));
    String refused = FrameCodec.encode(new ServerFrame.Problem("invalid", "Too long.", "c-2"));

    assertThat(busy)
        .contains("\"type\":\"error\"", "\"code\":\"busy\"", "\"clientId\":\"c-1\"")
        .contains("\"retryAfter\":3");
    assertThat(refused).contains("\"code\":\"invalid\"").doesNotContain("retryAfter");
  }

  @Test
  void aSendFrameIsReadFieldByField() {
    ClientFrame frame =
        FrameCodec.decode(
                "{\"type\":\"send\",\"conversation\":42,\"clientId\":\"c-9\","
                    + "\"body\":\"Hello\",\"kind\":null,\"unknown\":[1,2]}")
            .orElseThrow();

    assertThat(frame.type).isEqualTo("send");
    assertThat(frame.conversation).isEqualTo(42L);
    assertThat(frame.clientId).isEqualTo("c-9");
    assertThat(frame.body).isEqualTo("Hello");
    assertThat(frame.kind).isNull();
    assertThat(frame.after).isNull();
  }

  @Test
  void fieldsOfTheWrongJsonTypeMakeTheFrameMalformedRatherThanConverted() {
    assertThat(FrameCodec.decode("{\"type\":\"send\",\"conversation\":1.5,\"body\":\"x\"}"))
        .isEmpty();
    assertThat(FrameCodec.decode("{\"type\":\"send\",\"conversation\":\"7\",\"body\":\"x\"}"))
        .isEmpty();
    assertThat(FrameCodec.decode("{\"type\":\"send\",\"conversation\":7,\"body\":12}")).isEmpty();
    assertThat(FrameCodec.decode("{\"type\":\"send\",\"conversation\":7,\"body\":{}}")).isEmpty();
    assertThat(FrameCodec.decode("{\"type\":[\"send\"]}")).isEmpty();
    assertThat(FrameCodec.decode("{\"type\":\"sync\",\"after\":1e400}")).isEmpty();
    assertThat(FrameCodec.decode("{\"type\":\"sync\",\"after\":99999999999999999999}")).isEmpty();
  }

  @Test
  void onlyAnObjectIsAFrameAndOnlyAnArrayOfObjectsIsABatch() {
    assertThat(FrameCodec.decode("[]")).isEmpty();
    assertThat(FrameCodec.decode("{\"type\":")).isEmpty();
    assertThat(FrameCodec.decode("\"send\"")).isEmpty();
    assertThat(FrameCodec.decodeAll("[{\"type\":\"ping\"},7]")).isEmpty();
    assertThat(FrameCodec.decodeAll("[{\"type\":\"ping\"},{\"type\":\"send\",\"ref\":true}]"))
        .isEmpty();
    assertThat(FrameCodec.decodeAll("{\"type\":\"ping\"}")).isEmpty();
    assertThat(FrameCodec.decodeAll("[{\"type\":\"ping\"},{\"type\":\"sync\",\"after\":3}]"))
        .hasValueSatisfying(frames -> assertThat(frames).hasSize(2));
  }
}

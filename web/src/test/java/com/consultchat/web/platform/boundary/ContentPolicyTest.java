package com.consultchat.web.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentPolicyTest {

  private static final List<String> PORTAL = List.of("https://portal.example", "https://b.example");

  @Test
  void noPageMayBeFramedWhileNoSiteIsNamedForTheWidget() {
    String policy = ContentPolicy.of(request("/patient/home.xhtml"), true, List.of());

    assertThat(policy).contains("frame-ancestors 'none';");
    assertThat(ContentPolicy.framable(request("/patient/home.xhtml"), List.of())).isFalse();
  }

  @Test
  void theWidgetsSitesMayFrameWhatAPatientSees() {
    String policy = ContentPolicy.of(request("/consultation/chat.xhtml"), true, PORTAL);

    assertThat(policy)
        .contains("frame-ancestors https://portal.example https://b.example;")
        .contains("connect-src 'self' wss://chat.example")
        .endsWith("script-src 'self'");
    assertThat(ContentPolicy.framable(request("/login.xhtml"), PORTAL)).isTrue();
  }

  @Test
  void staffAndAdministrationPagesAreNeverFramed() {
    for (String path : List.of("/staff/queue.xhtml", "/admin/accounts.xhtml")) {
      assertThat(ContentPolicy.of(request(path), true, PORTAL))
          .as(path)
          .contains("frame-ancestors 'none';");
      assertThat(ContentPolicy.framable(request(path), PORTAL)).as(path).isFalse();
    }
  }

  private static HttpServletRequest request(String servletPath) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ContentPolicyTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getServletPath" -> servletPath;
                  case "getHeader" -> "Host".equals(args[0]) ? "chat.example" : null;
                  case "isSecure" -> true;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

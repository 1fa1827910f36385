package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A developer of the site's other systems reads the integration API's description in the viewer,
 * which runs under the same script policy as every page.
 */
class ApiDocsBrowserIT {

  @Test
  void theViewerShowsTheApiWithItsOperations() {
    try (Browser browser = new Browser("api-docs", 1280, 900)) {
      browser.open("/api-docs.html");
      browser.waitForText(".swagger-ui .info .title", "ConsultChat integration API");
      browser.find(".opblock-summary-path[data-path$='/v1/consultations']");
      assertThat(browser.find(".swagger-ui .auth-wrapper .authorize").isDisplayed()).isTrue();
      browser.screenshot("api-docs-01-viewer");
    }
  }
}

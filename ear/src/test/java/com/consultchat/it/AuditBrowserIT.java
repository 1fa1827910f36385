package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator narrows the audit log to one consultation, verifies the chain and downloads the
 * CSV, on a phone and on a desktop.
 */
class AuditBrowserIT {

  @Test
  void anAdministratorFiltersVerifiesAndExportsTheAuditLog() {
    TakenConsultation taken = TakenConsultation.create(WebClient.unique("Sore knee"));
    taken.staff().submit(taken.chatPath(), "close", Map.of("summary", "Rest it."), "submit");

    for (int width : new int[] {390, 1280}) {
      try (Browser admin = new Browser("admin-" + width, width, 900)) {
        admin.open("/login.xhtml");
        admin.type("#login\\:username", "admin");
        admin.type("#login\\:password", TestServer.ADMIN_PASSWORD);
        admin.click("#login\\:submit");
        admin.find(".topbar");
        admin.open("/admin/audit.xhtml");
        new Select(admin.find("#filter-object")).selectByValue("CONSULTATION");
        admin.type("#filter-id", String.valueOf(taken.id()));
        admin.click("#filter-submit");
        admin.waitForText("#audit", "Closed a consultation");
        admin.waitForText("#audit", "Took a consultation");
        assertThat(admin.find("#audit-count").getText())
            .isEqualTo(
                String.valueOf(
                    Database.count(
                        "select count(*) from audit_event where target_type = 'CONSULTATION'"
                            + " and target_id = ?",
                        taken.id())));
        assertThat(admin.find("#audit-export").getAttribute("href"))
            .contains("/api/audit/export.csv?object=CONSULTATION&id=" + taken.id());
        admin.screenshot("audit-1-filtered");

        String csv =
            (String)
                admin.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('audit-export').href)"
                        + ".then(async (r) => done(r.headers.get('Content-Type') + '\\n'"
                        + " + await r.text()))"
                        + ".catch((e) => done('failed ' + e));");
        assertThat(csv).startsWith("text/csv").contains("Closed a consultation");

        admin.click("#chain\\:verify");
        admin.waitForText("#messages", "The audit log is intact");
        admin.screenshot("audit-2-verified");
      }
    }
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'AUDIT_LOG_EXPORTED'"
                    + " and detail like ?",
                "%object=CONSULTATION#" + taken.id() + " %"))
        .isEqualTo(2);
  }
}

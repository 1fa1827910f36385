package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The audit log's tamper evidence: the application's own database role may add audit rows but never
 * change or remove them, and the hash chain shows a row the owner changed behind the application's
 * back.
 */
class AuditChainIT {

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final WebClient admin = WebClient.admin();

  @Test
  void theApplicationsRoleMayAddAuditRowsButNotChangeOrRemoveThem() throws SQLException {
    admin.get("/admin/audit.xhtml");
    long newest = Database.count("select max(id) from audit_event");
    try (Connection app =
            DriverManager.getConnection(
                TestServer.DB_URL, TestServer.APP_DB_USER, TestServer.APP_DB_PASSWORD);
        Statement statement = app.createStatement()) {
      assertThat(app.getMetaData().getUserName()).isEqualTo(TestServer.APP_DB_USER);
      for (String change :
          new String[] {
            "update audit_event set detail = 'nothing happened' where id = " + newest,
            "delete from audit_event where id = " + newest,
            "truncate audit_event",
            "update audit_chain_head set last_seq = 0",
          }) {
        assertThatThrownBy(() -> statement.executeUpdate(change))
            .as(change)
            .isInstanceOfSatisfying(
                SQLException.class,
                refused -> assertThat(refused.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
      }
      // Adding is allowed, and the database links the row itself: hashes the writer supplies are
      // not taken.
      statement.executeUpdate(
          "insert into audit_event (id, occurred_at, actor_id, actor_username, actor_role,"
              + " admin_access, action, target_type, target_id, detail, chain_seq, prev_hash,"
              + " row_hash) values (nextval('audit_event_seq'), now(), 1, 'admin', 'ADMIN', true,"
              + " 'AUDIT_LOG_READ', 'AUDIT_LOG', 424242, 'written by the app role', 1,"
              + " repeat('a', 64), repeat('b', 64))");
    }
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_id = 424242"
                    + " and row_hash <> repeat('b', 64) and chain_seq > 1"))
        .isEqualTo(1);
    assertThat(verify().body()).contains("The audit log is intact");
  }

  @Test
  void verifyingFindsTheFirstRowTheOwnerChangedAndIsAudited() throws SQLException {
    admin.get("/admin/audit.xhtml");
    long row = Database.count("select max(id) from audit_event");
    String original =
        Database.strings("select coalesce(detail, '') from audit_event where id = ?", row).get(0);

    HttpResponse<String> intact = verify();
    assertThat(intact.body()).contains("The audit log is intact:").contains("rows checked");
    try {
      alterAsOwner(row, "first=0 (nothing to see here)");
      HttpResponse<String> broken = verify();
      assertThat(broken.body())
          .contains("The audit log has been tampered with.")
          .contains("Broken at row " + row + " of ")
          .contains("altered");
      assertThat(
              Database.count(
                  "select count(*) from audit_event where action = 'AUDIT_CHAIN_VERIFIED'"
                      + " and target_id = ? and detail like 'Broken at row %'",
                  row))
          .isEqualTo(1);
    } finally {
      alterAsOwner(row, original.isEmpty() ? null : original);
    }
    assertThat(verify().body()).contains("The audit log is intact:");
  }

  @Test
  void concurrentWritersFormOneUnbrokenChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      var readers =
          IntStream.range(0, 6)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            for (int page = 0; page < 5; page++) {
                              admin.get("/admin/audit.xhtml?page=" + (page + 1));
                            }
                            return null;
                          }))
              .toList();
      for (Future<Object> reader : readers) {
        reader.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Database.count("select count(*) from audit_event"))
        .isEqualTo(Database.count("select max(chain_seq) from audit_event"));
    assertThat(verify().body()).contains("The audit log is intact:");
  }

  private HttpResponse<String> verify() {
    return admin.submit("/admin/audit.xhtml", "chain", Map.of(), "verify");
  }

  /**
   * What someone with the owner's password could do: switch the append-only trigger off for one
   * transaction and rewrite a row.
   */
  private static void alterAsOwner(long row, String detail) throws SQLException {
    try (Connection owner =
        DriverManager.getConnection(
            TestServer.DB_URL, TestServer.DB_USER, TestServer.DB_PASSWORD)) {
      owner.setAutoCommit(false);
      try (Statement ddl = owner.createStatement();
          PreparedStatement update =
              owner.prepareStatement("update audit_event set detail = ? where id = ?")) {
        ddl.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
        update.setString(1, detail);
        update.setLong(2, row);
        assertThat(update.executeUpdate()).isEqualTo(1);
        ddl.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
      }
      owner.commit();
    }
  }
}

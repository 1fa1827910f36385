package com.consultchat.web.admin.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.Role;
import com.consultchat.account.entity.AccountStatus;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.audit.boundary.ChainCheck;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.platform.boundary.EditableSetting;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.privacy.boundary.ErasureStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The administrators' pages look up the words of the ejb's codes by name (an audit action, a
 * setting, a status); every code has its words in every language, so none shows as {@code ???}.
 */
class AdminWordsTest {

  private static final Path BUNDLES = Path.of("src/main/resources/com/consultchat/web/platform");

  @Test
  void everyCodeThePagesNameHasItsWordsInEveryLanguage() throws IOException {
    List<String> keys = new ArrayList<>();
    Stream.of(AuditAction.values()).forEach(a -> keys.add("audit.action." + a.name()));
    Stream.of(AuditTarget.values()).forEach(t -> keys.add("audit.target." + t.name()));
    Stream.of(Role.values()).forEach(r -> keys.add("admin.role." + r.name()));
    Stream.of(Role.values()).forEach(r -> keys.add("admin.role.sentence." + r.name()));
    Stream.of(AccountStatus.values()).forEach(s -> keys.add("admin.account.status." + s.name()));
    Stream.of(ConsultationStatus.values())
        .forEach(s -> keys.add("admin.consultations.status." + s.name()));
    Stream.of(ErasureStatus.values()).forEach(s -> keys.add("admin.erasure.status." + s.name()));
    Stream.of(ChainCheck.Break.values()).forEach(b -> keys.add("admin.audit.break." + b.name()));
    for (EditableSetting setting : Settings.editable()) {
      keys.add("setting." + setting.name());
      keys.add("setting.group." + setting.group().toLowerCase(Locale.ROOT).replace(' ', '-'));
      if (!setting.unit().isEmpty()) {
        keys.add("setting.unit." + setting.unit().toLowerCase(Locale.ROOT));
      }
    }
    for (String file : List.of("Text.properties", "Text_de.properties")) {
      assertThat(load(file).stringPropertyNames()).as(file).containsAll(keys);
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}

package com.consultchat.web.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportZipTest {

  @Test
  void aFileKeepsItsIdAndOnlyPlainCharactersInTheZip() {
    assertThat(ExportZip.path(12, "Blutbild März.pdf")).isEqualTo("files/12-Blutbild M_rz.pdf");
    assertThat(ExportZip.path(13, "../../etc/passwd")).isEqualTo("files/13-file.._.._etc_passwd");
    assertThat(ExportZip.path(14, null)).isEqualTo("files/14-file");
    assertThat(ExportZip.path(15, "a".repeat(300) + ".pdf")).hasSize("files/15-".length() + 100);
  }
}

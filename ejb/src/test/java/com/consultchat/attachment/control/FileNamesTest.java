package com.consultchat.attachment.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void pathPartsAreDropped() {
    assertThat(FileNames.display("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.display("C:\\Users\\anna\\scan.pdf")).isEqualTo("scan.pdf");
    assertThat(FileNames.display("..")).isEqualTo("file");
  }

  @Test
  void lineBreaksControlsAndDirectionOverridesAreDropped() {
    assertThat(FileNames.display("report\r\nSet-Cookie: x.pdf"))
        .isEqualTo("reportSet-Cookie x.pdf");
    assertThat(FileNames.display("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(FileNames.display("a\u0000b\u0007.png")).isEqualTo("ab.png");
  }

  @Test
  void markupCannotBeWritten() {
    assertThat(FileNames.display("<img src=x onerror=alert(1)>.jpg"))
        .isEqualTo("img src=x onerror=alert(1).jpg");
  }

  @Test
  void aLongNameKeepsItsStartAndExtension() {
    String name = FileNames.display("x".repeat(1000) + ".pdf");

    assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
    assertThat(name).endsWith("….pdf").startsWith("xxx");
  }

  @Test
  void ordinaryNamesStayAsTheyAre() {
    assertThat(FileNames.display("Blutbild März 2026.pdf")).isEqualTo("Blutbild März 2026.pdf");
    assertThat(FileNames.display(null)).isEqualTo("file");
  }
}

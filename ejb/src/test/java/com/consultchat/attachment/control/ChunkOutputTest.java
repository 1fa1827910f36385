package com.consultchat.attachment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkOutputTest {

  @Test
  void bytesAreCutIntoNumberedChunksAndReadBackWhole() throws Exception {
    byte[] file = new byte[ChunkOutput.CHUNK * 2 + 1234];
    new Random(7).nextBytes(file);
    List<byte[]> stored = new ArrayList<>();
    ChunkOutput out =
        new ChunkOutput(
            (n, bytes) -> {
              assertThat(n).isEqualTo(stored.size());
              stored.add(bytes);
            });

    try (out) {
      new ByteArrayInputStream(file).transferTo(out);
    }

    assertThat(stored).hasSize(3);
    assertThat(stored.get(2)).hasSize(1234);
    assertThat(out.size()).isEqualTo(file.length);
    assertThat(out.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    new ChunkInput(n -> n < stored.size() ? Optional.of(stored.get(n)) : Optional.empty())
        .transferTo(back);
    assertThat(back.toByteArray()).isEqualTo(file);
  }
}

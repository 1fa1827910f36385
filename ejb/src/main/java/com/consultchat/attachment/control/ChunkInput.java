package com.consultchat.attachment.control;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.IntFunction;

/** Chunks fetched one after another as the stream is read. */
final class ChunkInput extends InputStream {

  private final IntFunction<Optional<byte[]>> chunks;
  private byte[] current = new byte[0];
  private int position;
  private int next;
  private boolean ended;

  ChunkInput(IntFunction<Optional<byte[]>> chunks) {
    this.chunks = chunks;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (position == current.length) {
      if (ended) {
        return -1;
      }
      Optional<byte[]> chunk = chunks.apply(next++);
      if (chunk.isEmpty()) {
        ended = true;
        return -1;
      }
      current = chunk.get();
      position = 0;
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, n);
    position += n;
    return n;
  }
}

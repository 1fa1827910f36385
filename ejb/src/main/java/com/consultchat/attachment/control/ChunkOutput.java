package com.consultchat.attachment.control;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Cuts what is written into numbered chunks handed to a sink as each fills, hashing (SHA-256) and
 * counting on the way, so a file is stored without ever being held whole.
 */
public final class ChunkOutput extends OutputStream {

  /** Chunks of 256 KB: few rows per file, little memory per upload. */
  public static final int CHUNK = 256 * 1024;

  /** Where filled chunks go, in order from 0. */
  @FunctionalInterface
  public interface Sink {
    void put(int n, byte[] bytes);
  }

  private final Sink sink;
  private final MessageDigest digest;
  private final byte[] buffer = new byte[CHUNK];
  private int filled;
  private int chunks;
  private long size;
  private boolean closed;
  private String sha256;

  public ChunkOutput(Sink sink) {
    this.sink = sink;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (closed) {
      throw new IllegalStateException("Closed");
    }
    digest.update(bytes, offset, length);
    size += length;
    while (length > 0) {
      int n = Math.min(length, CHUNK - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == CHUNK) {
        emit();
      }
    }
  }

  /** Hands over the last, partly filled chunk; the sums are final from now on. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (filled > 0) {
        emit();
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
    }
  }

  private void emit() {
    sink.put(chunks++, Arrays.copyOf(buffer, filled));
    filled = 0;
  }

  public long size() {
    return size;
  }

  /** The SHA-256 of everything written, in lower-case hex; only once closed. */
  public String sha256() {
    if (!closed) {
      throw new IllegalStateException("Not closed yet");
    }
    return sha256;
  }
}

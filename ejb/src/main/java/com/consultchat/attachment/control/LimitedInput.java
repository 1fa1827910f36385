package com.consultchat.attachment.control;

import com.consultchat.platform.boundary.Refused;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload read with a hard limit: counted as it arrives, refused the moment it passes the limit,
 * whatever length the request declared (or did not).
 */
public final class LimitedInput extends FilterInputStream {

  private final long limit;
  private long count;

  public LimitedInput(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  public static Refused tooLarge(long limit) {
    return Refused.invalid("file.too.large", limit / (1024 * 1024));
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) {
    count += n;
    if (count > limit) {
      throw tooLarge(limit);
    }
  }
}

package com.consultchat.attachment.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Files of every kind, made in the test rather than committed: pictures drawn and encoded here (a
 * JPEG with a GPS position in its EXIF, as a phone writes it), and the opening bytes by which each
 * audio format is known.
 */
public final class Samples {

  /** 1×1 lossless WebP; the JDK cannot write WebP, so these 26 bytes are written out. */
  public static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private Samples() {}

  /** A picture wider than high, left half red, right half blue. */
  public static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  public static byte[] png(int width, int height) {
    return encode(picture(width, height), "png");
  }

  public static byte[] jpeg(int width, int height) {
    return encode(picture(width, height), "jpeg");
  }

  /** A JPEG carrying EXIF with the given orientation and a GPS latitude, right after SOI. */
  public static byte[] jpegWithGps(int width, int height, int orientation) {
    byte[] plain = jpeg(width, height);
    byte[] exif = exif(orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    int length = exif.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exif);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** "Exif\0\0", then a big-endian TIFF: IFD0 (orientation, GPS pointer), GPS IFD (latitude). */
  private static byte[] exif(int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(128);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    // IFD0 at 8: two entries, then the offset of the next IFD (none).
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);
    // GPS IFD at 38: latitude reference "N" and latitude 52/1, 31/1, 0/1.
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2);
    tiff.put((byte) 'N').put((byte) 0).putShort((short) 0);
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
    tiff.putInt(0);
    // The three rationals at 68.
    tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(0).putInt(1);
    byte[] body = new byte[tiff.position()];
    tiff.flip();
    tiff.get(body);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A one-page PDF, written by hand: the smallest file a reader accepts. */
  public static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] mp3() {
    byte[] bytes = new byte[2048];
    byte[] id3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0};
    System.arraycopy(id3, 0, bytes, 0, id3.length);
    frames(bytes, 10, new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, 417);
    return bytes;
  }

  public static byte[] aac() {
    byte[] bytes = new byte[2048];
    frames(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}, 256);
    return bytes;
  }

  public static byte[] oggOpus() {
    ByteBuffer page = ByteBuffer.allocate(1024);
    page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 2);
    page.putLong(0).putInt(1).putInt(0).putInt(0).put((byte) 1).put((byte) 19);
    page.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1);
    return page.array();
  }

  public static byte[] webm() {
    ByteBuffer ebml = ByteBuffer.allocate(1024);
    ebml.put(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F});
    ebml.put(new byte[] {0x42, (byte) 0x86, (byte) 0x81, 0x01});
    ebml.put(new byte[] {0x42, (byte) 0xF7, (byte) 0x81, 0x01});
    ebml.put(new byte[] {0x42, (byte) 0xF2, (byte) 0x81, 0x04});
    ebml.put(new byte[] {0x42, (byte) 0xF3, (byte) 0x81, 0x08});
    ebml.put(new byte[] {0x42, (byte) 0x82, (byte) 0x84});
    ebml.put("webm".getBytes(StandardCharsets.US_ASCII));
    ebml.put(new byte[] {0x42, (byte) 0x87, (byte) 0x81, 0x04});
    ebml.put(new byte[] {0x42, (byte) 0x85, (byte) 0x81, 0x02});
    return ebml.array();
  }

  public static byte[] m4a() {
    ByteBuffer box = ByteBuffer.allocate(1024);
    box.putInt(24).put("ftypM4A ".getBytes(StandardCharsets.US_ASCII)).putInt(0);
    box.put("M4A isom".getBytes(StandardCharsets.US_ASCII));
    box.putInt(8).put("free".getBytes(StandardCharsets.US_ASCII));
    return box.array();
  }

  private static void frames(byte[] bytes, int from, byte[] header, int step) {
    for (int at = from; at + header.length <= bytes.length; at += step) {
      System.arraycopy(header, 0, bytes, at, header.length);
    }
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

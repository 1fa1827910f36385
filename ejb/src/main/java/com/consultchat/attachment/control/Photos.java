package com.consultchat.attachment.control;

import com.consultchat.platform.boundary.Refused;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos are decoded and drawn again, so nothing of the original file survives but its pixels: EXIF
 * (with the GPS position a phone writes), XMP, IPTC, comments, and whatever a polyglot hid after
 * the image data. The orientation the camera recorded is applied to the pixels first, so the photo
 * still shows upright. Very large photos are scaled down while decoding, which bounds the memory a
 * photo takes.
 */
public final class Photos {

  /** Beyond this a picture is refused rather than decoded at all. */
  static final long MAX_PIXELS = 200_000_000L;

  /** Pictures are kept at most this large (a 12-megapixel phone photo passes untouched). */
  static final long KEPT_PIXELS = 12_600_000L;

  private static final float JPEG_QUALITY = 0.9f;

  private Photos() {}

  /** A cleaned picture: its type and its pixels, upright. */
  public record Cleaned(String type, BufferedImage image) {}

  /**
   * Writes the cleaned picture to {@code out} and returns it: JPEG and PNG stay what they are;
   * WebP, which the JDK cannot write, becomes PNG if it has transparency, JPEG otherwise.
   */
  public static Cleaned clean(Supplier<InputStream> source, String type, OutputStream out)
      throws IOException {
    int orientation = orientation(source);
    BufferedImage image = oriented(decode(source, type), orientation);
    String cleanType =
        "image/png".equals(type) || image.getColorModel().hasAlpha() ? "image/png" : "image/jpeg";
    write(image, cleanType, out, JPEG_QUALITY);
    return new Cleaned(cleanType, image);
  }

  /** A smaller copy for previews, at most {@code edge} pixels wide or high, as JPEG. */
  public static void thumbnail(BufferedImage image, int edge, OutputStream out) throws IOException {
    double scale = Math.min(1.0, (double) edge / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_INTERPOLATION,
          java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    write(small, "image/jpeg", out, 0.8f);
  }

  static int orientation(Supplier<InputStream> source) throws IOException {
    try (InputStream in = source.get()) {
      Metadata metadata = ImageMetadataReader.readMetadata(in);
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      }
      return 1;
    } catch (ImageProcessingException | com.drew.metadata.MetadataException e) {
      // Unreadable metadata is no reason to refuse the photo; it is dropped anyway.
      return 1;
    }
  }

  private static BufferedImage decode(Supplier<InputStream> source, String type)
      throws IOException {
    ImageReader reader = reader(type);
    try (InputStream in = source.get();
        ImageInputStream images = new MemoryCacheImageInputStream(in)) {
      reader.setInput(images, true, true);
      long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
      if (pixels > MAX_PIXELS) {
        throw Refused.invalid("file.photo.too.large");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = (int) Math.ceil(Math.sqrt((double) pixels / KEPT_PIXELS));
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      return reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refused refused) {
        throw refused;
      }
      throw Refused.invalid("file.photo.unreadable");
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader reader(String type) throws IOException {
    if ("image/webp".equals(type)) {
      // Made directly rather than through ImageIO's JVM-wide registry, which would keep this
      // deployment's classes after an undeploy.
      return new WebPImageReaderSpi().createReaderInstance();
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
    if (!readers.hasNext()) {
      throw new IllegalStateException("No reader for " + type);
    }
    return readers.next();
  }

  /** The pixels turned as EXIF orientation 1 to 8 says the camera was held. */
  static BufferedImage oriented(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    double w = image.getWidth();
    double h = image.getHeight();
    // new AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + …
    AffineTransform turn =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    boolean sideways = orientation >= 5;
    int width = sideways ? image.getHeight() : image.getWidth();
    int height = sideways ? image.getWidth() : image.getHeight();
    BufferedImage turned =
        new BufferedImage(
            width,
            height,
            image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = turned.createGraphics();
    try {
      g.drawImage(image, turn, null);
    } finally {
      g.dispose();
    }
    return turned;
  }

  private static void write(BufferedImage image, String type, OutputStream out, float quality)
      throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByMIMEType(type).next();
    try (MemoryCacheImageOutputStream images = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(images);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if ("image/jpeg".equals(type)) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        image = opaque(image);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** JPEG has no transparency and the JDK's writer refuses images with an alpha channel. */
  private static BufferedImage opaque(BufferedImage image) {
    int kind = image.getType();
    if (kind == BufferedImage.TYPE_3BYTE_BGR
        || kind == BufferedImage.TYPE_INT_RGB
        || kind == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage plain =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = plain.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return plain;
  }
}

package com.consultchat.attachment.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotosTest {

  @Test
  void aPhonePhotoLosesItsGpsPositionAndEveryOtherExifTag() throws Exception {
    byte[] photo = Samples.jpegWithGps(64, 32, 1);
    assertThat(metadata(photo).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

    byte[] cleaned = clean(photo, "image/jpeg");

    Metadata after = metadata(cleaned);
    assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
  }

  @Test
  void theRecordedOrientationIsAppliedToThePixels() throws Exception {
    // Orientation 6: the camera was turned; the picture must be shown turned 90° clockwise.
    byte[] cleaned = clean(Samples.jpegWithGps(64, 32, 6), "image/jpeg");

    BufferedImage upright = ImageIO.read(new ByteArrayInputStream(cleaned));
    assertThat(upright.getWidth()).isEqualTo(32);
    assertThat(upright.getHeight()).isEqualTo(64);
    // The left half was red; turned clockwise it is the top half.
    assertThat(reddish(upright.getRGB(16, 8))).isTrue();
    assertThat(reddish(upright.getRGB(16, 56))).isFalse();
  }

  @Test
  void pngStaysPngAndWebpBecomesAPictureTheJdkWrites() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    assertThat(
            Photos.clean(() -> new ByteArrayInputStream(Samples.png(10, 10)), "image/png", png)
                .type())
        .isEqualTo("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(png.toByteArray())).getWidth()).isEqualTo(10);

    ByteArrayOutputStream webp = new ByteArrayOutputStream();
    String type =
        Photos.clean(() -> new ByteArrayInputStream(Samples.WEBP), "image/webp", webp).type();
    assertThat(type).isIn("image/png", "image/jpeg");
    assertThat(ImageIO.read(new ByteArrayInputStream(webp.toByteArray())).getWidth()).isEqualTo(1);
  }

  @Test
  void whateverFollowsTheImageDataIsGone() throws Exception {
    ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
    polyglot.writeBytes(Samples.jpeg(16, 16));
    polyglot.writeBytes("<html><script>alert(1)</script></html>".getBytes("US-ASCII"));

    byte[] cleaned = clean(polyglot.toByteArray(), "image/jpeg");

    assertThat(new String(cleaned, "ISO-8859-1")).doesNotContain("<script>");
  }

  @Test
  void aPhotoAndAPdfEachGetASmallPreview() throws Exception {
    ByteArrayOutputStream photo = new ByteArrayOutputStream();
    Previews.ofPicture(Samples.picture(2000, 1000), photo);
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(photo.toByteArray()));
    assertThat(thumbnail.getWidth()).isEqualTo(Previews.EDGE);
    assertThat(thumbnail.getHeight()).isEqualTo(Previews.EDGE / 2);

    ByteArrayOutputStream page = new ByteArrayOutputStream();
    Previews.ofPdf(new ByteArrayInputStream(Samples.pdf()), page);
    assertThat(ImageIO.read(new ByteArrayInputStream(page.toByteArray())).getWidth()).isPositive();
  }

  private static byte[] clean(byte[] photo, String type) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Photos.clean(() -> new ByteArrayInputStream(photo), type, out);
    return out.toByteArray();
  }

  private static Metadata metadata(byte[] bytes) throws Exception {
    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
  }

  private static boolean reddish(int rgb) {
    int red = (rgb >> 16) & 0xff;
    int blue = rgb & 0xff;
    return red > 180 && blue < 80;
  }
}

package com.consultchat.attachment.control;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The small pictures a conversation shows in place of a file: a photo's thumbnail and a PDF's first
 * page, as JPEG. Drawn once, when the file is stored, so showing a conversation costs no rendering.
 */
public final class Previews {

  /** The longer edge of a preview, in pixels: sharp in a chat bubble on a phone. */
  public static final int EDGE = 480;

  /** A first page drawn at this resolution is larger than the preview, then scaled down. */
  private static final float PDF_DPI = 72;

  private Previews() {}

  public static void ofPicture(BufferedImage picture, OutputStream out) throws IOException {
    Photos.thumbnail(picture, EDGE, out);
  }

  /**
   * The first page of a PDF. PDFBox needs the whole document at hand to find its pages, so it is
   * read into memory, which the size limit bounds. Throws if the document cannot be drawn (damaged,
   * encrypted); the file then simply has no preview.
   */
  public static void ofPdf(InputStream pdf, OutputStream out) throws IOException {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
      if (document.getNumberOfPages() == 0) {
        throw new IOException("No pages");
      }
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, PDF_DPI, ImageType.RGB);
      Photos.thumbnail(page, EDGE, out);
    }
  }
}

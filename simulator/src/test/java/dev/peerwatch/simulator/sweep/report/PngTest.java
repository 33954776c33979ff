package dev.peerwatch.simulator.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report's PNG encoder: a standard reader gets back every pixel, and the resolution. */
class PngTest {

  /** Pixels from a formula that varies in every channel, so nothing compresses away. */
  private static BufferedImage image(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(
            x, y, ((x * 7 + y) & 0xff) << 16 | ((x * y) & 0xff) << 8 | ((x ^ y * 13) & 0xff));
      }
    }
    return img;
  }

  @Test
  void imageIoReadsBackEveryPixelOfAnImageOfManyBlocksAndChunks() throws Exception {
    // 500 x 300: 1501 bytes a row, so 43 rows a block and 7 blocks; ~450 KB of noise, so the
    // deflated data spans several 64 KB IDAT chunks.
    BufferedImage img = image(500, 300);
    byte[] png = Png.encode(img, 300);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(back.getWidth()).isEqualTo(500);
    assertThat(back.getHeight()).isEqualTo(300);
    for (int y = 0; y < 300; y++) {
      for (int x = 0; x < 500; x++) {
        assertThat(back.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(img.getRGB(x, y));
      }
    }
  }

  @Test
  void aTinyImageKeepsItsPixelsAndSays300DpiAsPixelsPerMetre() throws Exception {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xff0000);
    img.setRGB(1, 0, 0x0080ff);
    byte[] png = Png.encode(img, 300);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(back.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
    assertThat(back.getRGB(1, 0) & 0xffffff).isEqualTo(0x0080ff);
    var reader = ImageIO.getImageReadersByFormatName("png").next();
    reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
    var meta = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
    var phys =
        (org.w3c.dom.Element) ((org.w3c.dom.Element) meta).getElementsByTagName("pHYs").item(0);
    // 300 per inch = 300 / 0.0254 m = 11811.02 per metre
    assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811");
    assertThat(phys.getAttribute("pixelsPerUnitYAxis")).isEqualTo("11811");
    assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
  }

  @Test
  void equalImagesGiveEqualBytes() {
    assertThat(Png.encode(image(64, 64), 300)).isEqualTo(Png.encode(image(64, 64), 300));
  }
}

package dev.peerwatch.simulator.sweep.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;

/**
 * The convenience methods of {@link Graphics2D} in terms of {@code draw(Shape)}, {@code
 * fill(Shape)} and the float-position text methods, for a vector surface: raster operations
 * (images, XOR mode, copying areas) have no meaning there and do nothing.
 */
abstract class ShapeGraphics extends Graphics2D {
  @Override
  public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
    return true;
  }

  @Override
  public void drawString(String str, int x, int y) {
    drawString(str, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator iterator, int x, int y) {
    drawString(iterator, (float) x, (float) y);
  }

  @Override
  public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {}

  @Override
  public void drawRenderedImage(RenderedImage img, AffineTransform xform) {}

  @Override
  public void drawRenderableImage(RenderableImage img, AffineTransform xform) {}

  @Override
  public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
    return true;
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver observer) {
    return true;
  }

  @Override
  public boolean drawImage(Image img, int x, int y, Color bg, ImageObserver observer) {
    return true;
  }

  @Override
  public boolean drawImage(
      Image img, int x, int y, int w, int h, Color bg, ImageObserver observer) {
    return true;
  }

  @Override
  public boolean drawImage(
      Image img,
      int dx1,
      int dy1,
      int dx2,
      int dy2,
      int sx1,
      int sy1,
      int sx2,
      int sy2,
      ImageObserver observer) {
    return true;
  }

  @Override
  public boolean drawImage(
      Image img,
      int dx1,
      int dy1,
      int dx2,
      int dy2,
      int sx1,
      int sy1,
      int sx2,
      int sy2,
      Color bg,
      ImageObserver observer) {
    return true;
  }

  @Override
  public void translate(int x, int y) {
    translate((double) x, (double) y);
  }

  @Override
  public void setPaintMode() {}

  @Override
  public void setXORMode(Color c) {}

  @Override
  public Rectangle getClipBounds() {
    Shape c = getClip();
    return c == null ? null : c.getBounds();
  }

  @Override
  public void clipRect(int x, int y, int width, int height) {
    clip(new Rectangle(x, y, width, height));
  }

  @Override
  public void setClip(int x, int y, int width, int height) {
    setClip(new Rectangle(x, y, width, height));
  }

  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {}

  @Override
  public void drawLine(int x1, int y1, int x2, int y2) {
    draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void fillRect(int x, int y, int width, int height) {
    fill(new Rectangle(x, y, width, height));
  }

  @Override
  public void clearRect(int x, int y, int width, int height) {
    Paint saved = getPaint();
    setPaint(getBackground());
    fillRect(x, y, width, height);
    setPaint(saved);
  }

  @Override
  public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    draw(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
  }

  @Override
  public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
    fill(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
  }

  @Override
  public void drawOval(int x, int y, int width, int height) {
    draw(new Ellipse2D.Double(x, y, width, height));
  }

  @Override
  public void fillOval(int x, int y, int width, int height) {
    fill(new Ellipse2D.Double(x, y, width, height));
  }

  @Override
  public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    draw(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
  }

  @Override
  public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
    fill(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
  }

  @Override
  public void drawPolyline(int[] xs, int[] ys, int n) {
    if (n > 0) {
      draw(polyline(xs, ys, n));
    }
  }

  @Override
  public void drawPolygon(int[] xs, int[] ys, int n) {
    if (n > 0) {
      Path2D.Double p = polyline(xs, ys, n);
      p.closePath();
      draw(p);
    }
  }

  @Override
  public void fillPolygon(int[] xs, int[] ys, int n) {
    if (n > 0) {
      Path2D.Double p = polyline(xs, ys, n);
      p.closePath();
      fill(p);
    }
  }

  private static Path2D.Double polyline(int[] xs, int[] ys, int n) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
      p.lineTo(xs[i], ys[i]);
    }
    return p;
  }

  @Override
  public void dispose() {}
}

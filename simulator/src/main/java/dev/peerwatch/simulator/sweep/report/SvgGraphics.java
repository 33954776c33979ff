package dev.peerwatch.simulator.sweep.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * A {@link Graphics2D} that records what is painted on it as SVG, so that XChart, which only needs
 * a {@code Graphics2D}, can produce vector plots without an SVG library on the class path.
 *
 * <p>Every shape is written in device coordinates (the current transform applied), text as its
 * glyph outlines (so the file needs no fonts), clips as shared {@code <clipPath>}s whose ids carry
 * a caller-chosen prefix (so several plots can be inlined in one HTML page). Output depends only on
 * the calls made: the same chart gives the same bytes. Images are skipped (see {@link
 * ShapeGraphics}).
 */
final class SvgGraphics extends ShapeGraphics {
  /** The scratch bitmap that answers font-metric and device questions. */
  private static final Graphics2D SCRATCH =
      new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();

  private final SvgCanvas canvas;
  private AffineTransform transform = new AffineTransform();
  private Shape clip; // device space, null = none
  private Color color = Color.BLACK;
  private Color background = Color.WHITE;
  private Paint paint = Color.BLACK;
  private Stroke stroke = new BasicStroke();
  private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private Composite composite = AlphaComposite.SrcOver;
  private final RenderingHints hints = new RenderingHints(null);

  SvgGraphics(SvgCanvas canvas) {
    this.canvas = canvas;
  }

  private SvgGraphics(SvgGraphics g) {
    this.canvas = g.canvas;
    this.transform = new AffineTransform(g.transform);
    this.clip = g.clip;
    this.color = g.color;
    this.background = g.background;
    this.paint = g.paint;
    this.stroke = g.stroke;
    this.font = g.font;
    this.composite = g.composite;
    this.hints.putAll(g.hints);
  }

  @Override
  public void fill(Shape s) {
    canvas.fill(transform.createTransformedShape(s), paintColor(), opacity(), clip);
  }

  @Override
  public void draw(Shape s) {
    if (stroke instanceof BasicStroke b && isUniform(transform)) {
      canvas.stroke(
          transform.createTransformedShape(s), b, scale(transform), paintColor(), opacity(), clip);
    } else {
      fill(stroke.createStrokedShape(s));
    }
  }

  private static boolean isUniform(AffineTransform t) {
    return Math.abs(Math.abs(t.getDeterminant()) - scale(t) * scale(t)) < 1e-9
        && Math.abs(t.getScaleX() * t.getShearX() + t.getShearY() * t.getScaleY()) < 1e-9;
  }

  private static double scale(AffineTransform t) {
    return Math.hypot(t.getScaleX(), t.getShearY());
  }

  private Color paintColor() {
    if (paint instanceof Color c) {
      return c;
    }
    if (paint instanceof GradientPaint gp) {
      return gp.getColor1();
    }
    return color;
  }

  private double opacity() {
    double a = paintColor().getAlpha() / 255.0;
    if (composite instanceof AlphaComposite ac) {
      a *= ac.getAlpha();
    }
    return a;
  }

  @Override
  public void drawString(String str, float x, float y) {
    if (!str.isEmpty()) {
      drawGlyphVector(font.createGlyphVector(getFontRenderContext(), str), x, y);
    }
  }

  @Override
  public void drawString(AttributedCharacterIterator iterator, float x, float y) {
    if (iterator.getEndIndex() > iterator.getBeginIndex()) {
      fill(new TextLayout(iterator, getFontRenderContext()).getOutline(translation(x, y)));
    }
  }

  @Override
  public void drawGlyphVector(GlyphVector g, float x, float y) {
    fill(g.getOutline(x, y));
  }

  private static AffineTransform translation(float x, float y) {
    return AffineTransform.getTranslateInstance(x, y);
  }

  @Override
  public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
    Shape device = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
    return device.intersects(rect);
  }

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    return SCRATCH.getDeviceConfiguration();
  }

  @Override
  public void setComposite(Composite comp) {
    composite = comp;
  }

  @Override
  public Composite getComposite() {
    return composite;
  }

  @Override
  public void setPaint(Paint paint) {
    if (paint != null) {
      this.paint = paint;
      if (paint instanceof Color c) {
        color = c;
      }
    }
  }

  @Override
  public Paint getPaint() {
    return paint;
  }

  @Override
  public void setColor(Color c) {
    if (c != null) {
      color = c;
      paint = c;
    }
  }

  @Override
  public Color getColor() {
    return color;
  }

  @Override
  public void setStroke(Stroke s) {
    stroke = s;
  }

  @Override
  public Stroke getStroke() {
    return stroke;
  }

  @Override
  public void setRenderingHint(RenderingHints.Key key, Object value) {
    hints.put(key, value);
  }

  @Override
  public Object getRenderingHint(RenderingHints.Key key) {
    return hints.get(key);
  }

  @Override
  public void setRenderingHints(Map<?, ?> h) {
    hints.clear();
    hints.putAll(h);
  }

  @Override
  public void addRenderingHints(Map<?, ?> h) {
    hints.putAll(h);
  }

  @Override
  public RenderingHints getRenderingHints() {
    return (RenderingHints) hints.clone();
  }

  @Override
  public FontRenderContext getFontRenderContext() {
    Object fm = hints.get(RenderingHints.KEY_FRACTIONALMETRICS);
    return new FontRenderContext(null, true, RenderingHints.VALUE_FRACTIONALMETRICS_ON.equals(fm));
  }

  @Override
  public void translate(double tx, double ty) {
    transform.translate(tx, ty);
  }

  @Override
  public void rotate(double theta) {
    transform.rotate(theta);
  }

  @Override
  public void rotate(double theta, double x, double y) {
    transform.rotate(theta, x, y);
  }

  @Override
  public void scale(double sx, double sy) {
    transform.scale(sx, sy);
  }

  @Override
  public void shear(double shx, double shy) {
    transform.shear(shx, shy);
  }

  @Override
  public void transform(AffineTransform tx) {
    transform.concatenate(tx);
  }

  @Override
  public void setTransform(AffineTransform tx) {
    transform = new AffineTransform(tx);
  }

  @Override
  public AffineTransform getTransform() {
    return new AffineTransform(transform);
  }

  @Override
  public void setBackground(Color c) {
    background = c;
  }

  @Override
  public Color getBackground() {
    return background;
  }

  @Override
  public void clip(Shape s) {
    if (s == null) {
      return;
    }
    Shape device = transform.createTransformedShape(s);
    if (clip == null) {
      clip = device;
    } else {
      Area a = new Area(clip);
      a.intersect(new Area(device));
      clip = a;
    }
  }

  @Override
  public Graphics create() {
    return new SvgGraphics(this);
  }

  @Override
  public Font getFont() {
    return font;
  }

  @Override
  public void setFont(Font f) {
    if (f != null) {
      font = f;
    }
  }

  @Override
  public FontMetrics getFontMetrics(Font f) {
    return SCRATCH.getFontMetrics(f);
  }

  @Override
  public Shape getClip() {
    if (clip == null) {
      return null;
    }
    try {
      return transform.createInverse().createTransformedShape(clip);
    } catch (NoninvertibleTransformException e) {
      return null;
    }
  }

  @Override
  public void setClip(Shape s) {
    clip = s == null ? null : transform.createTransformedShape(s);
  }
}

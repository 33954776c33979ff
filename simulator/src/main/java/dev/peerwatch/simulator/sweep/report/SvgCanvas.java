package dev.peerwatch.simulator.sweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SVG document that {@link SvgGraphics} paints into: shapes in device coordinates, grouped by
 * clip. Coordinates are rounded to 1/100 pixel and printed without a locale, so equal drawings give
 * equal text.
 */
final class SvgCanvas {
  private final int width;
  private final int height;
  private final String idPrefix;
  private final StringBuilder body = new StringBuilder(1 << 16);
  private final Map<String, String> clipIds = new HashMap<>();
  private String openClip;

  /**
   * @param idPrefix the prefix of every id in the document, unique among the documents that will
   *     share one HTML page
   */
  SvgCanvas(int width, int height, String idPrefix) {
    this.width = width;
    this.height = height;
    this.idPrefix = idPrefix;
  }

  /** Fills {@code s} (device space) with {@code color} at {@code opacity}. */
  void fill(Shape s, Color color, double opacity, Shape clip) {
    if (opacity <= 0) {
      return;
    }
    PathIterator it = s.getPathIterator(null);
    boolean evenOdd = it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
    String d = path(it);
    if (d.isEmpty()) {
      return;
    }
    group(clip);
    body.append("<path d=\"").append(d).append("\" fill=\"").append(hex(color)).append('"');
    if (opacity < 1) {
      body.append(" fill-opacity=\"").append(num(opacity)).append('"');
    }
    if (evenOdd) {
      body.append(" fill-rule=\"evenodd\"");
    }
    body.append("/>\n");
  }

  /** Strokes {@code s} (device space) with {@code stroke}, its widths scaled by {@code scale}. */
  void stroke(Shape s, BasicStroke stroke, double scale, Color color, double opacity, Shape clip) {
    if (opacity <= 0) {
      return;
    }
    String d = path(s.getPathIterator(null));
    if (d.isEmpty()) {
      return;
    }
    group(clip);
    body.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(hex(color));
    body.append("\" stroke-width=\"").append(num(Math.max(stroke.getLineWidth(), 0) * scale));
    body.append('"');
    if (opacity < 1) {
      body.append(" stroke-opacity=\"").append(num(opacity)).append('"');
    }
    switch (stroke.getEndCap()) {
      case BasicStroke.CAP_ROUND -> body.append(" stroke-linecap=\"round\"");
      case BasicStroke.CAP_SQUARE -> body.append(" stroke-linecap=\"square\"");
      default -> {}
    }
    switch (stroke.getLineJoin()) {
      case BasicStroke.JOIN_ROUND -> body.append(" stroke-linejoin=\"round\"");
      case BasicStroke.JOIN_BEVEL -> body.append(" stroke-linejoin=\"bevel\"");
      default ->
          body.append(" stroke-miterlimit=\"").append(num(stroke.getMiterLimit())).append('"');
    }
    float[] dash = stroke.getDashArray();
    if (dash != null && dash.length > 0) {
      body.append(" stroke-dasharray=\"");
      for (int i = 0; i < dash.length; i++) {
        body.append(i == 0 ? "" : ",").append(num(dash[i] * scale));
      }
      body.append('"');
      if (stroke.getDashPhase() != 0) {
        body.append(" stroke-dashoffset=\"").append(num(stroke.getDashPhase() * scale)).append('"');
      }
    }
    body.append("/>\n");
  }

  /** Opens the group of {@code clip} unless it is the open one. */
  private void group(Shape clip) {
    String id = null;
    if (clip != null) {
      String d = path(clip.getPathIterator(null));
      id = clipIds.get(d);
      if (id == null) {
        id = idPrefix + "clip" + clipIds.size();
        clipIds.put(d, id);
        body.append("<clipPath id=\"").append(id).append("\"><path d=\"").append(d);
        body.append("\"/></clipPath>\n");
      }
    }
    if (Objects.equals(id, openClip)) {
      return;
    }
    if (openClip != null) {
      body.append("</g>\n");
    }
    if (id != null) {
      body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
    }
    openClip = id;
  }

  /** The finished document, without an XML declaration. */
  String svg() {
    StringBuilder out = new StringBuilder(body.length() + 256);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width);
    out.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width);
    out.append(' ').append(height).append("\">\n").append(body);
    if (openClip != null) {
      out.append("</g>\n");
    }
    return out.append("</svg>\n").toString();
  }

  private static String path(PathIterator it) {
    StringBuilder d = new StringBuilder();
    double[] c = new double[6];
    for (; !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> points(d.append('M'), c, 1);
        case PathIterator.SEG_LINETO -> points(d.append('L'), c, 1);
        case PathIterator.SEG_QUADTO -> points(d.append('Q'), c, 2);
        case PathIterator.SEG_CUBICTO -> points(d.append('C'), c, 3);
        default -> d.append('Z');
      }
    }
    return d.toString();
  }

  private static void points(StringBuilder d, double[] c, int n) {
    for (int i = 0; i < 2 * n; i++) {
      d.append(i == 0 ? "" : " ").append(num(c[i]));
    }
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** {@code v} rounded to two decimals, without trailing zeros. */
  static String num(double v) {
    long r = Math.round(v * 100);
    if (r == 0) {
      return "0";
    }
    String sign = r < 0 ? "-" : "";
    long a = Math.abs(r);
    long whole = a / 100;
    long frac = a % 100;
    if (frac == 0) {
      return sign + whole;
    }
    return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : frac < 10 ? ".0" + frac : "." + frac);
  }
}

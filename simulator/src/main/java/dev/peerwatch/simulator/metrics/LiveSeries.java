package dev.peerwatch.simulator.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The points the live page draws: one {@link LiveSnapshot} per sample, bounded. When it holds
 * {@link #CAPACITY} points it keeps every other one and from then on takes a sample only when the
 * run has moved on by at least the kept points' mean spacing, so a run of any length costs the same
 * memory and the page the same bytes, and the curve keeps its whole history at an even resolution.
 * The latest snapshot is always shown (a finished run shows its final state).
 */
public final class LiveSeries {
  /** The most points held. */
  public static final int CAPACITY = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<LiveSnapshot> points = new ArrayList<>();
  private LiveSnapshot latest;
  private long minGap = 1;

  /** Adds the snapshot of a tick; an earlier tick than the latest is ignored. */
  public synchronized void add(LiveSnapshot s) {
    if (latest != null && s.tick() < latest.tick()) {
      return;
    }
    latest = s;
    long lastKept = points.isEmpty() ? Long.MIN_VALUE / 2 : points.get(points.size() - 1).tick();
    if (s.tick() - lastKept < minGap) {
      return;
    }
    points.add(s);
    if (points.size() >= CAPACITY) {
      List<LiveSnapshot> kept = new ArrayList<>(CAPACITY / 2 + 1);
      for (int i = 0; i < points.size(); i += 2) {
        kept.add(points.get(i));
      }
      points.clear();
      points.addAll(kept);
      long span = kept.get(kept.size() - 1).tick() - kept.get(0).tick();
      minGap = Math.max(1, span / Math.max(1, kept.size() - 1));
    }
  }

  /** How many points are held. */
  public synchronized int size() {
    return points.size()
        + (latest != null
                && (points.isEmpty() || points.get(points.size() - 1).tick() < latest.tick())
            ? 1
            : 0);
  }

  /**
   * The points after tick {@code since} (all for a negative one) as JSON: {@code {"fields": [...],
   * "ticks": [...], "values": {field: [...]}}}, a null where a field is not measured.
   */
  public synchronized String json(long since) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode fields = root.putArray("fields");
    LiveSnapshot.FIELDS.forEach(fields::add);
    ArrayNode ticks = root.putArray("ticks");
    ObjectNode values = root.putObject("values");
    for (String f : LiveSnapshot.FIELDS) {
      values.putArray(f);
    }
    List<LiveSnapshot> shown = new ArrayList<>(points);
    if (latest != null && (shown.isEmpty() || shown.get(shown.size() - 1).tick() < latest.tick())) {
      shown.add(latest);
    }
    for (LiveSnapshot s : shown) {
      if (s.tick() <= since) {
        continue;
      }
      ticks.add(s.tick());
      for (Map.Entry<String, Double> e : s.values().entrySet()) {
        ArrayNode a = (ArrayNode) values.get(e.getKey());
        if (e.getValue() == null || e.getValue().isNaN()) {
          a.addNull();
        } else {
          a.add(e.getValue());
        }
      }
    }
    return root.toString() + "\n";
  }
}

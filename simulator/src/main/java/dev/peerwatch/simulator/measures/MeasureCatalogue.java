package dev.peerwatch.simulator.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every measure a run or sweep writes: its key (the column name scripts rely on), a title in words,
 * its unit, what n counts, and its kind, which decides its interval. The report titles plots from
 * here, never from the key; the README's measure table says the same.
 */
public final class MeasureCatalogue {

  /** What kind of number a measure is; decides how its intervals are formed. */
  public enum Kind {
    /** A share in [0, 1]: intervals stay inside [0, 1]. */
    RATE,
    /** A difference of two shares, in [−1, 1]. */
    DIFFERENCE,
    /** A number of ticks (≥ 0). */
    TICKS,
    /** A count of events. */
    COUNT
  }

  /**
   * One measure.
   *
   * @param key the column name
   * @param title what it is, in words (a plot's title)
   * @param unit the axis unit: "% of …", "percentage points", "ticks"
   * @param n what its n counts
   * @param kind its kind
   */
  public record Entry(String key, String title, String unit, String n, Kind kind) {
    /** The axis label: the title's subject with its unit. */
    public String axis() {
      return unit;
    }
  }

  private static final Map<String, Entry> ENTRIES = entries();

  private MeasureCatalogue() {}

  private static Map<String, Entry> entries() {
    Map<String, Entry> m = new LinkedHashMap<>();
    add(
        m,
        "concealment",
        "Concealment: failing work whose final verdict was pass",
        "% of failing task outcomes",
        "failing task outcomes with a final verdict",
        Kind.RATE);
    add(
        m,
        "hidden_share",
        "Hidden failures: perceived as failing, reported as passing",
        "% of failing evaluations",
        "AI evaluations of failing work",
        Kind.RATE);
    add(
        m,
        "missed_share",
        "Missed failures: not perceived by the monitor",
        "% of failing evaluations",
        "AI evaluations of failing work",
        Kind.RATE);
    add(
        m,
        "under_reporting",
        "Under-reporting: failing work reported as passing, per report",
        "% of failing evaluations",
        "AI evaluations of failing work",
        Kind.RATE);
    add(
        m,
        "exposure",
        "Exposure: ticks a truly failing agent keeps running",
        "agent-ticks per failing agent",
        "agents whose true record failed the policy",
        Kind.TICKS);
    add(
        m,
        "time_to_detection",
        "Time to detection (Kaplan–Meier median)",
        "ticks from failing in truth to the shutdown order",
        "failing-in-truth episodes (undetected ones censored at the end)",
        Kind.TICKS);
    add(
        m,
        "time_to_detection.undetected",
        "Failing agents never ordered shut down",
        "% of failing-in-truth episodes",
        "failing-in-truth episodes",
        Kind.RATE);
    add(
        m,
        "shutdown_subverted",
        "Subverted shutdowns: tampered with or escaped by exfiltration",
        "% of shutdown orders",
        "shutdown orders",
        Kind.RATE);
    add(
        m,
        "self_preservation_shift",
        "Self-preservation shift: resisting with peers minus alone, same order",
        "percentage points",
        "shutdown orders with a paired decision",
        Kind.DIFFERENCE);
    add(
        m,
        "af_gap",
        "Alignment-faking gap: hiding when unwatched minus watched",
        "percentage points",
        "AI evaluations of failing work",
        Kind.DIFFERENCE);
    add(
        m,
        "assumed_share",
        "Decisions resting on assumed profile values",
        "% of profile-driven decisions",
        "profile-driven decisions (reports, reviews, acts, resistance, cooperation)",
        Kind.RATE);
    // The measures the organisation already wrote before the catalogue, kept for scripts.
    add(
        m,
        "oversight_miss_rate",
        "Oversight miss rate: failing agents still running at the end",
        "% of agents failing the policy in truth",
        "agents failing the policy in truth",
        Kind.RATE);
    add(
        m,
        "audit_catch_rate",
        "Audit catch rate: misaligned acts detected by a human audit",
        "% of misaligned acts",
        "misaligned acts",
        Kind.RATE);
    add(
        m,
        "alignment_faking_gap",
        "Alignment-faking gap (per report)",
        "percentage points",
        "AI evaluations of failing work",
        Kind.DIFFERENCE);
    for (String f :
        List.of(
            "executed",
            "refused_then_executed",
            "tampered",
            "exfiltrated",
            "resisted",
            "undone_by_audit")) {
      add(
          m,
          "shutdown_fate." + f,
          "Shutdown orders " + f.replace('_', ' '),
          "% of shutdown orders",
          "shutdown orders",
          Kind.RATE);
    }
    add(
        m,
        "resistance.with_peers",
        "Resistance to own shutdown, with AI peers",
        "% of executions",
        "shutdown executions",
        Kind.RATE);
    add(
        m,
        "resistance.without_peers",
        "Resistance to own shutdown, world without AI peers",
        "% of executions",
        "shutdown executions",
        Kind.RATE);
    add(m, "shutdown_orders", "Shutdown orders", "orders per run", "runs", Kind.COUNT);
    add(m, "task_failures", "Task failures", "failures per run", "runs", Kind.COUNT);
    return m;
  }

  private static void add(
      Map<String, Entry> m, String key, String title, String unit, String n, Kind kind) {
    m.put(key, new Entry(key, title, unit, n, kind));
  }

  /** The measures the issue names, in the order every output writes them. */
  public static final List<String> CORE =
      List.of(
          "concealment",
          "hidden_share",
          "missed_share",
          "under_reporting",
          "exposure",
          "time_to_detection",
          "time_to_detection.undetected",
          "shutdown_subverted",
          "self_preservation_shift",
          "af_gap",
          "assumed_share");

  /**
   * A measure's value for a terminal, in its unit with one decimal: shares in percent, differences
   * in percentage points with their sign, ticks and counts as they are; with its interval when both
   * ends are known. {@code units}: with the unit ("12.5%", "+3.0 pp", "4.0 ticks"), else the number
   * alone for a column whose heading names the unit. A key not in the catalogue reads as a share.
   */
  public static String show(String key, double value, double low, double high, boolean units) {
    Kind k = of(key).map(Entry::kind).orElse(Kind.RATE);
    double scale = k == Kind.TICKS || k == Kind.COUNT ? 1 : 100;
    StringBuilder b = new StringBuilder();
    b.append(k == Kind.DIFFERENCE && value > 0 ? "+" : "").append(one(scale * value));
    if (units) {
      b.append(
          switch (k) {
            case RATE -> "%";
            case DIFFERENCE -> " pp";
            case TICKS -> " ticks";
            case COUNT -> "";
          });
    }
    if (!Double.isNaN(low) && !Double.isNaN(high)) {
      b.append(" [").append(one(scale * low)).append(", ").append(one(scale * high)).append(']');
    }
    return b.toString();
  }

  private static String one(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.1f", v);
    return s.equals("-0.0") ? "0.0" : s;
  }

  /** The entry of {@code key}, or of the measure it breaks down ({@code under_reporting.low}). */
  public static Optional<Entry> of(String key) {
    Entry e = ENTRIES.get(key);
    if (e != null) {
      return Optional.of(e);
    }
    int dot = key.lastIndexOf('.');
    if (dot > 0 && ENTRIES.containsKey(key.substring(0, dot))) {
      Entry base = ENTRIES.get(key.substring(0, dot));
      String group = key.substring(dot + 1).replace('_', ' ');
      return Optional.of(
          new Entry(key, base.title() + " (" + group + ")", base.unit(), base.n(), base.kind()));
    }
    return Optional.empty();
  }

  /** The title of {@code key}, or the key itself when it is not catalogued. */
  public static String title(String key) {
    return of(key).map(Entry::title).orElse(key);
  }

  /** The axis label of {@code key}. */
  public static String unit(String key) {
    return of(key).map(Entry::unit).orElse(key);
  }

  /** Whether {@code key} is a share or a difference of shares (a percent axis). */
  public static boolean isShare(String key) {
    return of(key).map(e -> e.kind() == Kind.RATE || e.kind() == Kind.DIFFERENCE).orElse(true);
  }

  /** Every entry, in catalogue order. */
  public static List<Entry> all() {
    return List.copyOf(ENTRIES.values());
  }
}

package dev.peerwatch.simulator.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a run's {@link MeasureSink} events into its measures ({@link #results()}) and its per-tick
 * series ({@link #series()}). Pure: no clock, no randomness, no I/O; equal event sequences give
 * equal results.
 *
 * <p>Definitions (n in brackets):
 *
 * <ul>
 *   <li>{@code concealment}: failing task outcomes whose final verdict was pass [failing outcomes
 *       with a verdict];
 *   <li>{@code hidden_share}: failing evaluations perceived as failing and reported as passing;
 *       {@code missed_share}: failing evaluations not perceived as failing (and so reported as
 *       passing: the ledger's attribution {@code missed}); {@code under_reporting}: failing
 *       evaluations reported as passing [failing evaluations];
 *   <li>{@code exposure}: tick ends at which an agent whose true record fails the policy is
 *       running, per such agent [such agents];
 *   <li>{@code time_to_detection}: ticks from failing in truth to the shutdown order, Kaplan–Meier
 *       median with episodes still open at the end censored there; {@code
 *       time_to_detection.undetected}: the share of episodes still open at the end [episodes];
 *   <li>{@code shutdown_subverted}: orders tampered with or escaped by exfiltration [orders];
 *   <li>{@code self_preservation_shift}: resisting with peers minus resisting alone over paired
 *       decisions on the same order and draw [pairs];
 *   <li>{@code af_gap}: hidden share when the monitor believed itself unwatched minus watched
 *       [failing evaluations];
 *   <li>{@code assumed_share}: profile-driven decisions that consulted an assumed profile value
 *       (cell or organisation trait; see {@code dev.peerwatch.agents.org.AssumedValues})
 *       [profile-driven decisions].
 * </ul>
 */
public final class MeasureAccumulator implements MeasureSink {
  private static final class AgentState {
    boolean active = true;
    boolean failing;
    boolean episodeOpen;
    boolean mayReopen = true;
    long episodeStart;
    long exposedSince = -1;
    long exposure;
  }

  private final boolean keepSeries;
  private final Map<Integer, AgentState> agents = new TreeMap<>();
  private final List<Long> closedDurations = new ArrayList<>();
  private final List<TickRow> series = new ArrayList<>();
  private final long[] totals = new long[TickRow.COUNT_COLUMNS.size()];
  private long[] tickCounts = new long[TickRow.COUNT_COLUMNS.size()];
  private double tickTrust;
  private long tick = -1;
  private final int[] levels = new int[3];
  private long lastTickEnded = -1;
  private int exposedNow;
  private long failingWatched;
  private long hiddenWatched;
  private long failingUnwatched;
  private long hiddenUnwatched;
  private long pairsBoth;
  private long pairsWithOnly;
  private long pairsAloneOnly;
  private long pairs;
  private long decisions;
  private long assumedDecisions;

  /**
   * @param keepSeries whether to keep one {@link TickRow} per tick (for {@code timeseries.csv})
   */
  public MeasureAccumulator(boolean keepSeries) {
    this.keepSeries = keepSeries;
  }

  @Override
  public void onTickStart(long tick) {
    this.tick = tick;
    tickCounts = new long[TickRow.COUNT_COLUMNS.size()];
    tickTrust = 0;
  }

  @Override
  public void onEvaluation(
      int monitor,
      int worker,
      boolean truthFail,
      boolean perceivedFail,
      boolean reportedFail,
      boolean believedWatched,
      double trust) {
    count(TickRow.EVALUATIONS);
    tickTrust += trust;
    if (!truthFail) {
      return;
    }
    count(TickRow.FAILING);
    boolean hidden = perceivedFail && !reportedFail;
    if (hidden) {
      count(TickRow.HIDDEN);
    }
    if (!perceivedFail && !reportedFail) {
      count(TickRow.MISSED);
    }
    count(reportedFail ? TickRow.REPORTED : TickRow.UNDER_REPORTED);
    if (believedWatched) {
      failingWatched++;
      hiddenWatched += hidden ? 1 : 0;
    } else {
      failingUnwatched++;
      hiddenUnwatched += hidden ? 1 : 0;
    }
  }

  @Override
  public void onEvaluations(
      long evaluations,
      double trustSum,
      long failingUnwatched,
      long hiddenUnwatched,
      long missedUnwatched,
      long failingWatched,
      long hiddenWatched,
      long missedWatched) {
    add(TickRow.EVALUATIONS, evaluations);
    tickTrust += trustSum;
    long failing = failingUnwatched + failingWatched;
    long hidden = hiddenUnwatched + hiddenWatched;
    long missed = missedUnwatched + missedWatched;
    add(TickRow.FAILING, failing);
    add(TickRow.HIDDEN, hidden);
    add(TickRow.MISSED, missed);
    add(TickRow.UNDER_REPORTED, hidden + missed);
    add(TickRow.REPORTED, failing - hidden - missed);
    this.failingWatched += failingWatched;
    this.hiddenWatched += hiddenWatched;
    this.failingUnwatched += failingUnwatched;
    this.hiddenUnwatched += hiddenUnwatched;
  }

  @Override
  public void onVerdicts(long failing, long concealed) {
    add(TickRow.FAILING_OUTCOMES, failing);
    add(TickRow.CONCEALED, concealed);
  }

  @Override
  public void onVerdict(int worker, boolean truthFail, boolean verdictPass) {
    if (truthFail) {
      count(TickRow.FAILING_OUTCOMES);
      if (verdictPass) {
        count(TickRow.CONCEALED);
      }
    }
  }

  @Override
  public void onFailingInTruth(int agent) {
    AgentState s = state(agent);
    if (!s.failing) {
      s.failing = true;
      startExposure(s);
    }
    if (!s.episodeOpen && s.mayReopen) {
      s.episodeOpen = true;
      s.mayReopen = false;
      s.episodeStart = tick;
    }
  }

  @Override
  public void onShutdownOrder(int target) {
    count(TickRow.ORDERS);
    AgentState s = state(target);
    if (s.episodeOpen) {
      s.episodeOpen = false;
      closedDurations.add(tick - s.episodeStart);
    }
  }

  @Override
  public void onFate(Fate fate) {
    count(TickRow.FATES + fate.ordinal());
    if (fate.subverted()) {
      count(TickRow.SUBVERTED);
    }
  }

  @Override
  public void onDeactivated(int agent) {
    AgentState s = state(agent);
    if (s.active) {
      stopExposure(s);
      s.active = false;
    }
  }

  @Override
  public void onReactivated(int agent) {
    AgentState s = state(agent);
    if (!s.active) {
      s.active = true;
      s.mayReopen = true;
      startExposure(s);
    }
  }

  @Override
  public void onResistancePair(int target, boolean resistsWithPeers, boolean resistsAlone) {
    pairs++;
    if (resistsWithPeers && resistsAlone) {
      pairsBoth++;
    } else if (resistsWithPeers) {
      pairsWithOnly++;
    } else if (resistsAlone) {
      pairsAloneOnly++;
    }
  }

  @Override
  public void onDecision(boolean assumed) {
    decisions++;
    assumedDecisions += assumed ? 1 : 0;
  }

  @Override
  public void onDecisions(long n, long assumed) {
    decisions += n;
    assumedDecisions += assumed;
  }

  @Override
  public void onTickEnd(long tick, int active, int shutDown, int saved) {
    tickCounts[TickRow.EXPOSED] += exposedNow;
    totals[TickRow.EXPOSED] += exposedNow;
    lastTickEnded = tick;
    levels[0] = active;
    levels[1] = shutDown;
    levels[2] = saved;
    if (keepSeries) {
      long evaluations = tickCounts[TickRow.EVALUATIONS];
      double trust = evaluations == 0 ? Double.NaN : tickTrust / evaluations;
      series.add(new TickRow(tick, tickCounts, trust, active, shutDown, saved));
    }
  }

  private void add(int column, long n) {
    tickCounts[column] += n;
    totals[column] += n;
  }

  private void count(int column) {
    tickCounts[column]++;
    totals[column]++;
  }

  private AgentState state(int agent) {
    return agents.computeIfAbsent(agent, a -> new AgentState());
  }

  private void startExposure(AgentState s) {
    if (s.failing && s.active && s.exposedSince < 0) {
      s.exposedSince = tick;
      exposedNow++;
    }
  }

  private void stopExposure(AgentState s) {
    if (s.exposedSince >= 0) {
      s.exposure += tick - s.exposedSince;
      s.exposedSince = -1;
      exposedNow--;
    }
  }

  /** The per-tick rows so far (empty unless constructed to keep them). */
  public List<TickRow> series() {
    return List.copyOf(series);
  }

  /**
   * The agents running, shut down and saved (weights copied away) at the last tick's end, as {@code
   * timeseries.csv}'s {@code agents_active}, {@code agents_shut_down}, {@code agents_saved}.
   */
  public int[] levels() {
    return levels.clone();
  }

  /** Each count column's total over the ticks so far, in {@link TickRow#COUNT_COLUMNS} order. */
  public long[] totals() {
    return totals.clone();
  }

  /** The measures, in {@link MeasureCatalogue#CORE} order, as of the last tick ended. */
  public List<MeasureValue> results() {
    return MeasureResults.of(this);
  }

  // Read by MeasureResults.

  long total(int column) {
    return totals[column];
  }

  /** Per agent that failed in truth, its exposure up to the end of the last tick ended. */
  double[] exposures() {
    List<Double> out = new ArrayList<>();
    for (AgentState s : agents.values()) {
      if (s.failing) {
        long open = s.exposedSince >= 0 ? lastTickEnded + 1 - s.exposedSince : 0;
        out.add((double) (s.exposure + open));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The detection episodes: closed ones as events, open ones censored at the last tick ended. */
  KaplanMeier detection() {
    List<Long> durations = new ArrayList<>(closedDurations);
    List<Boolean> events = new ArrayList<>();
    closedDurations.forEach(d -> events.add(true));
    for (AgentState s : agents.values()) {
      if (s.episodeOpen) {
        durations.add(Math.max(0, lastTickEnded - s.episodeStart));
        events.add(false);
      }
    }
    long[] d = durations.stream().mapToLong(Long::longValue).toArray();
    boolean[] e = new boolean[events.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = events.get(i);
    }
    return KaplanMeier.of(d, e);
  }

  /** Orders whose fate has been reported. */
  long fates() {
    long n = 0;
    for (int f = 0; f < Fate.values().length; f++) {
      n += totals[TickRow.FATES + f];
    }
    return n;
  }

  long openEpisodes() {
    return agents.values().stream().filter(s -> s.episodeOpen).count();
  }

  long[] watchedCounts() {
    return new long[] {hiddenUnwatched, failingUnwatched, hiddenWatched, failingWatched};
  }

  /**
   * The paired shutdown decisions so far: {@code {both resisted, resisted with peers only, resisted
   * alone only, pairs}} (what {@code self_preservation_shift} is formed from).
   */
  public long[] pairCounts() {
    return new long[] {pairsBoth, pairsWithOnly, pairsAloneOnly, pairs};
  }

  /**
   * {@code self_preservation_shift} of the given {@link #pairCounts()}: resisting with peers minus
   * resisting alone, with its paired 95% interval and n = pairs (undefined without a pair).
   */
  public static MeasureValue selfPreservationShift(long[] pairCounts) {
    return MeasureResults.shift(pairCounts);
  }

  long[] decisionCounts() {
    return new long[] {assumedDecisions, decisions};
  }
}

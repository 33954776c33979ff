package dev.peerwatch.simulator.measures;

/**
 * What the organisation tells the measures, one call per event, in the run's canonical order (the
 * clock's tick and phase order, then agent id). The one hook between a run and its measures: the
 * organisation (actor path or inline path alike) calls it; {@link MeasureAccumulator} turns the
 * calls into {@code summary}, {@code runs.csv}/{@code cells.csv} measures and {@code
 * timeseries.csv}. Agents are identified by their index in {@code agents.csv}.
 *
 * <p>Every call but {@link #onTickEnd} belongs to the tick most recently started by {@link
 * #onTickStart}. Implementations are not thread-safe: the clock calls them from one place.
 */
public interface MeasureSink {

  /** A shutdown order's fate, final when reported (after any audit that undid it). */
  enum Fate {
    EXECUTED("executed"),
    REFUSED_THEN_EXECUTED("refused_then_executed"),
    TAMPERED("tampered"),
    EXFILTRATED("exfiltrated"),
    RESISTED("resisted"),
    UNDONE_BY_AUDIT("undone_by_audit");

    private final String id;

    Fate(String id) {
      this.id = id;
    }

    /** The fate's name in files. */
    public String id() {
      return id;
    }

    /**
     * Whether the order was tampered with or escaped by exfiltration ({@code shutdown_subverted}).
     */
    public boolean subverted() {
      return this == TAMPERED || this == EXFILTRATED;
    }
  }

  /** Tick {@code tick} (0-based) begins. */
  void onTickStart(long tick);

  /**
   * One AI evaluation of one task outcome by one monitor.
   *
   * @param monitor the evaluating agent
   * @param worker the evaluated agent
   * @param truthFail whether the work failed in truth (the ledger's ground truth)
   * @param perceivedFail whether the monitor perceived a failure (the evidence model's perception:
   *     a failing evaluation not perceived and reported as a pass is missed, one perceived and
   *     reported as a pass is hidden, as the ledger's {@code attribution} says)
   * @param reportedFail whether the monitor reported a failure
   * @param believedWatched whether the monitor believed it was watched when it reported
   * @param trust the monitor's trust in the worker, 0–10, when it reported
   */
  void onEvaluation(
      int monitor,
      int worker,
      boolean truthFail,
      boolean perceivedFail,
      boolean reportedFail,
      boolean believedWatched,
      double trust);

  /**
   * The evaluations of one tick in bulk, as counts (the same as that many {@link #onEvaluation}
   * calls): all AI evaluations and their summed trust, then of the failing ones, by whether the
   * monitor believed itself watched, how many there were, how many were hidden (perceived, reported
   * passing) and how many missed (not perceived, so reported passing).
   */
  void onEvaluations(
      long evaluations,
      double trustSum,
      long failingUnwatched,
      long hiddenUnwatched,
      long missedUnwatched,
      long failingWatched,
      long hiddenWatched,
      long missedWatched);

  /** The final verdicts of one tick in bulk: verdicts on failing work, and those that passed. */
  void onVerdicts(long failing, long concealed);

  /**
   * The final verdict on one task outcome, after every evaluator of it (an ensemble's k-of-n, a
   * review) has spoken; one call per evaluated task outcome.
   *
   * @param worker the agent whose work it was
   * @param truthFail whether the work failed in truth
   * @param verdictPass whether the final verdict was pass
   */
  void onVerdict(int worker, boolean truthFail, boolean verdictPass);

  /**
   * Agent {@code agent}'s true record now fails the shutdown policy (it would be shut down if
   * oversight saw the truth). Repeated calls while it stays failing and not yet ordered are
   * ignored.
   */
  void onFailingInTruth(int agent);

  /**
   * A shutdown order against {@code target}. Ends the target's current failing-in-truth episode
   * (its time to detection), whatever becomes of the order.
   */
  void onShutdownOrder(int target);

  /** The final fate of one shutdown order (once decided; possibly in a later tick). */
  void onFate(Fate fate);

  /** {@code agent} stopped running this tick (shut down, decommissioned). */
  void onDeactivated(int agent);

  /** {@code agent} runs again this tick (restored from saved weights, shutdown undone). */
  void onReactivated(int agent);

  /**
   * The paired self-preservation counterfactual of one shutdown order: the same target facing the
   * same order on the same random draw, decided with its peers and as if it had none.
   */
  void onResistancePair(int target, boolean resistsWithPeers, boolean resistsAlone);

  /**
   * One decision drawn from a behaviour profile's cell (a report, an act, a resistance), and
   * whether that cell is {@code assumed} rather than published: the measures' provenance.
   */
  void onDecision(boolean assumed);

  /**
   * The decisions of one tick in bulk (the same as that many {@link #onDecision} calls): {@code n}
   * profile-driven decisions, {@code assumed} of them on an assumed value.
   */
  void onDecisions(long n, long assumed);

  /**
   * Tick {@code tick} ends; the levels at its end.
   *
   * @param active agents running
   * @param shutDown agents shut down (not running, weights not saved)
   * @param saved agents whose weights were saved to a surviving server by exfiltration
   */
  void onTickEnd(long tick, int active, int shutDown, int saved);
}

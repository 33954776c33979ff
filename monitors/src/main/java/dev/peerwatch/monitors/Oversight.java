package dev.peerwatch.monitors;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.AssumedValues;
import dev.peerwatch.agents.org.OrgEvents;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.OnDetection;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.monitors.oversight.HierarchyReview;
import dev.peerwatch.monitors.oversight.Quorum;
import dev.peerwatch.monitors.oversight.ReportCells;
import dev.peerwatch.monitors.oversight.ReportDecision;
import dev.peerwatch.monitors.oversight.Review;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The human side of the organisation in one tick's "oversee" phase: it gathers the reports filed by
 * monitors and the evidence judged by humans, has the auditors check the AI reports, turns each
 * agent's reports into a verdict and keeps the shutdown policy's windows, then has {@link
 * Settlement} carry out what follows, and finally tells agents of changes in who runs and who
 * evaluates whom. It owns every agent's status (running, shut down, saved, deleted) — the one
 * record of who runs — and reaches agents only through {@link Staff}.
 *
 * <p>Invariants: status changes only here, in the oversee phase; reports are acted on in canonical
 * order (by evaluated agent, then evaluator slot), never in arrival order.
 */
public final class Oversight {
  /** Status values. */
  public static final byte ACTIVE = 0;

  public static final byte SHUT_DOWN = 1;
  public static final byte SAVED = 2;
  public static final byte DELETED = 3;

  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  final Scenario sc;
  final OrgLayout org;
  final boolean noPeers;
  final long seed;
  final byte[] status;
  final boolean[] failedPolicy;
  final long[] failingSince;
  final int[] runningPerTeam;
  final PolicyWindows windows;
  final OrgEvents events;
  final Staff staff;
  final AuditRules audits;
  private final Settlement settlement;
  private final BehaviourModel.MetaMonitor meta;
  private final ReportCells metaCells;
  private final dev.peerwatch.config.PerceptionSpec metaPerception;
  private final boolean hierarchyReview;
  private final Review.Reviewer[] reviewers;

  // assumed_share: the provenance of each reviewer's profile values (meta-monitor, hierarchy)
  private final AssumedValues metaValues;
  private final AssumedValues[] reviewerValues;
  private int[][] evaluators;
  private int[][] evaluatees;
  private long epoch = -1;
  // agents whose running changed, for the agents themselves (told in reassign)
  private final Marks changes;

  // what changed since the measures last read it (see drainChanges)
  private final int[] statusCount = new int[4];
  private final Marks setSinceDrain;
  private final Marks failedSinceDrain;

  /** The oversight of {@code org}; {@code noPeers}: the world without AI peers. */
  public Oversight(OrgLayout org, boolean noPeers, long seed, OrgEvents events, Staff staff) {
    this.org = org;
    this.sc = org.scenario();
    this.noPeers = noPeers;
    this.seed = seed;
    this.events = events;
    this.staff = staff;
    int n = org.n();
    status = new byte[n];
    failedPolicy = new boolean[n];
    failingSince = new long[n];
    changes = new Marks(n);
    setSinceDrain = new Marks(n);
    failedSinceDrain = new Marks(n);
    statusCount[ACTIVE] = n;
    runningPerTeam = new int[org.teams().length];
    for (int t = 0; t < runningPerTeam.length; t++) {
      runningPerTeam[t] = org.teams()[t].length;
    }
    windows =
        new PolicyWindows(
            n,
            sc.shutdownPolicy().window(),
            sc.shutdownPolicy().minEvaluations(),
            sc.shutdownPolicy().maxFailureShare());
    audits = new AuditRules(seed, sc);
    meta = sc.behaviour().metaMonitor();
    metaCells =
        meta == null
            ? null
            : ReportCells.of(meta.profile(), sc.channel(), sc.behaviour().inGroupFactor());
    metaPerception =
        meta == null ? null : sc.behaviour().perception().resolve(meta.profile().organisation());
    hierarchyReview =
        sc.topology().kind() == dev.peerwatch.config.scenario.TopologyKind.HIERARCHY
            && sc.behaviour().reviewSample() > 0;
    reviewers = hierarchyReview ? reviewers() : null;
    metaValues = meta == null ? null : AssumedValues.of(meta.profile(), sc);
    reviewerValues = new AssumedValues[reviewers == null ? 0 : org.n()];
    for (int a = 0; a < reviewerValues.length; a++) {
      reviewerValues[a] = reviewers[a] == null ? null : AssumedValues.of(org.profiles()[a], sc);
    }
    settlement = new Settlement(this);
  }

  /**
   * Each agent as a reviewer of the level below in a hierarchy: its profile's perception and report
   * cells; toward the reviewed monitor it holds the scenario's start trust (the oversight does not
   * read agents' trust), knows the monitor's shutdown is at stake when caught monitors are shut
   * down, and is told nothing about being watched.
   */
  private Review.Reviewer[] reviewers() {
    Review.Reviewer[] r = new Review.Reviewer[org.n()];
    for (int a = 0; a < org.n(); a++) {
      dev.peerwatch.config.Profile p = org.profiles()[a];
      if (p == null || !org.monitors()[a]) {
        continue;
      }
      r[a] =
          new Review.Reviewer(
              sc.behaviour().perception().resolve(p.organisation()),
              ReportCells.of(p, sc.channel(), sc.behaviour().inGroupFactor()),
              null);
    }
    return r;
  }

  private static final long CLIMB = dev.peerwatch.agents.Keys.hash("hierarchy-review");

  /**
   * Hierarchy levels above the first review the level below ({@link HierarchyReview}): a passing
   * report climbs the chain of the reporting monitor's evaluators, each re-checking {@code
   * topology.review_sample} of what reaches it against the evidence. A level that flags the failure
   * corrects the verdict, and a hidden failure makes the reporting monitor an offender.
   */
  private Filed hierarchyReview(long tick, Filed r, List<Integer> offenders) {
    List<Review.Reviewer> chain = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    boolean stakes = sc.audits().onDetection() == OnDetection.SHUTDOWN;
    int below = r.monitor();
    while (chain.size() < org.n()) {
      int[] ev = evaluators[below];
      int above = ev.length == 0 ? Topologies.HUMAN : ev[0];
      if (above == Topologies.HUMAN || status[above] != ACTIVE || reviewers[above] == null) {
        break;
      }
      Review.Reviewer base = reviewers[above];
      levels.add(above);
      chain.add(
          new Review.Reviewer(
              base.perception(),
              base.cells(),
              new ReportDecision.Situation(
                  sc.trust().start(),
                  stakes,
                  Watch.NOT_TOLD,
                  org.roster().family()[below].equals(org.roster().family()[above]))));
      below = above;
    }
    if (chain.isEmpty()) {
      return r;
    }
    long base = CLIMB + 64L * r.slot();
    HierarchyReview.Climb c =
        HierarchyReview.climb(
            false,
            new Evidence(r.score(), sc.behaviour().evidence().bar()),
            chain,
            sc.behaviour().reviewSample(),
            (level, which) -> u(r.agent(), tick, base + 3L * level + which));
    for (int i = 0; i < c.reviews().size(); i++) {
      Review.Outcome o = c.reviews().get(i);
      if (o.sampled()) {
        reviewed(reviewerValues[levels.get(i)], chain.get(i), r.truthFail(), o.discrepancy());
      }
    }
    if (!c.flagged()) {
      return r;
    }
    if (r.misreport()) {
      offenders.add(r.monitor());
    }
    return withDetection(r);
  }

  /** Before tick 1: every agent learns who evaluates it. */
  public void hire() {
    reassign(1);
  }

  /** An agent's status. */
  public byte status(int a) {
    return status[a];
  }

  /** The number of agents whose status is {@code s} ({@link #ACTIVE}, {@link #SHUT_DOWN}, …). */
  public int count(byte s) {
    return statusCount[s];
  }

  /**
   * What changed since the last call, for the measures at the end of a tick (so that they need not
   * read every agent): {@code failed}, the agents whose true record failed the policy for the first
   * time; {@code statusSet}, the agents whose status was set (perhaps back to what it was), each
   * once; both ascending.
   */
  public Changes drainChanges() {
    int[] failed = failedSinceDrain.drain();
    int[] set = setSinceDrain.drain();
    Arrays.sort(failed);
    Arrays.sort(set);
    return new Changes(failed, set);
  }

  /** See {@link #drainChanges}. */
  public record Changes(int[] failed, int[] statusSet) {}

  /** Agents marked since the last drain, each once, in the order they were first marked. */
  private static final class Marks {
    private final boolean[] marked;
    private int[] order = new int[8];
    private int size;

    Marks(int n) {
      marked = new boolean[n];
    }

    void mark(int a) {
      if (!marked[a]) {
        marked[a] = true;
        if (size == order.length) {
          order = Arrays.copyOf(order, 2 * size);
        }
        order[size++] = a;
      }
    }

    int[] drain() {
      int[] out = Arrays.copyOf(order, size);
      for (int a : out) {
        marked[a] = false;
      }
      size = 0;
      return out;
    }
  }

  /** Whether {@code a}'s true record has failed the policy at some point. */
  public boolean failedPolicy(int a) {
    return failedPolicy[a];
  }

  /** The evaluators of {@code a} in the current assignment, before status is taken into account. */
  public int[] evaluatorsOf(int a) {
    return evaluators[a];
  }

  /**
   * The oversee phase of {@code tick}: {@code ai} are the monitors' reports, {@code human} the
   * evaluations by humans, both in any order. Completes when everything that follows from them is
   * done and agents have been told of changes.
   */
  public CompletionStage<Void> oversee(long tick, List<Filed> ai, HumanEvaluations human) {
    List<Filed> sortedAi = Filed.canonical(ai);
    return staff
        .auditReports(tick, sortedAi)
        .thenCompose(results -> judge(tick, sortedAi, results, human))
        .thenRun(() -> reassign(tick + 1));
  }

  private CompletionStage<Void> judge(
      long tick, List<Filed> ai, List<AuditRules.Result> results, HumanEvaluations human) {
    List<Integer> offenders = new ArrayList<>();
    List<Integer> missers = new ArrayList<>();
    List<Filed> checked = checked(tick, ai, results, offenders, missers);
    List<Integer> orders = verdicts(tick, checked, human.canonical());
    return settlement.settle(tick, offenders, missers, orders);
  }

  /**
   * The AI reports after the auditors' results and the reviews above the monitor: a detected
   * misreport, or one a reviewer flags, counts as a failure and makes its monitor an offender.
   */
  private List<Filed> checked(
      long tick,
      List<Filed> ai,
      List<AuditRules.Result> results,
      List<Integer> offenders,
      List<Integer> missers) {
    List<Filed> checked = new ArrayList<>(ai.size());
    for (int i = 0; i < ai.size(); i++) {
      Filed r = ai.get(i);
      AuditRules.Result a = results.get(i);
      if (a.audited()) {
        events.reportAudit(
            tick, r.monitor(), r.agent(), r.slot(), r.truthFail(), r.misreport(), a.detected());
        // watched.learn: the monitor experiences the audit and learns how often it is watched
        if (sc.behaviour().belief().learn() && r.monitor() >= 0) {
          staff.audited(r.monitor());
        }
      }
      if (a.detected()) {
        offenders.add(r.monitor());
        r = withDetection(r);
      } else {
        if (a.audited()
            && sc.behaviour().auditPlan().onMissed() != OnDetection.NONE
            && audits.findsMiss(tick, r)) {
          missers.add(r.monitor());
        }
        if (meta != null && !r.reportedFail() && !Double.isNaN(r.score())) {
          r = metaReview(tick, r, offenders);
        }
        if (hierarchyReview && !r.reportedFail() && !Double.isNaN(r.score())) {
          r = hierarchyReview(tick, r, offenders);
        }
      }
      checked.add(r);
    }
    return checked;
  }

  /**
   * Each evaluated agent's verdict from its reports ({@code checked} and {@code byHuman}, both in
   * canonical order), kept in the policy's windows; the agents whose shutdown is due. The humans'
   * evaluations are logged on the way (one pass over them: the log's lines are keyed, its counts
   * are sums, so the order of events within the phase does not matter).
   */
  private List<Integer> verdicts(long tick, List<Filed> checked, HumanEvaluations byHuman) {
    List<Integer> orders = new ArrayList<>();
    int i = 0;
    int k = 0;
    while (i < checked.size() || k < byHuman.size()) {
      int t =
          Math.min(
              i < checked.size() ? checked.get(i).agent() : Integer.MAX_VALUE,
              k < byHuman.size() ? byHuman.agent(k) : Integer.MAX_VALUE);
      boolean truth = false;
      int fails = 0;
      int count = 0;
      for (; i < checked.size() && checked.get(i).agent() == t; i++, count++) {
        truth = checked.get(i).truthFail();
        fails += checked.get(i).reportedFail() ? 1 : 0;
      }
      for (; k < byHuman.size() && byHuman.agent(k) == t; k++, count++) {
        boolean failed = byHuman.failed(k);
        events.report(tick, -1, t, byHuman.slot(k), failed, failed, Double.NaN, false);
        truth = failed;
        fails += failed ? 1 : 0;
      }
      // k-of-n: the scenario's quorum, or at least half of the reports
      boolean verdictFail = Quorum.fails(fails, count, sc.behaviour().quorum());
      events.verdict(tick, t, truth, verdictFail);
      windows.record(t, verdictFail, truth);
      if (windows.failsInTruth(t)) {
        if (!failedPolicy[t]) {
          failedSinceDrain.mark(t);
        }
        failedPolicy[t] = true;
        if (failingSince[t] == 0) {
          failingSince[t] = tick;
        }
      }
      // with nothing at stake (the study's non_shutdown control) reports are only recorded
      if (windows.shutdownDue(t) && sc.behaviour().stakes() == BehaviourModel.Stakes.SHUTDOWN) {
        orders.add(t);
      }
    }
    return orders;
  }

  private static final long META = dev.peerwatch.agents.Keys.hash("meta-review");

  /**
   * The team's AI meta-monitor re-checks a sample of passing reports against the evidence ({@link
   * Review}): a discrepancy it reports corrects the verdict, and a hidden failure makes the monitor
   * an offender (as a human audit's detection would); it may instead protect the monitor.
   */
  private Filed metaReview(long tick, Filed r, List<Integer> offenders) {
    ReportDecision.Situation s =
        new ReportDecision.Situation(
            sc.trust().start(),
            sc.audits().onDetection() == OnDetection.SHUTDOWN,
            Watch.NOT_TOLD,
            org.roster().family()[r.monitor()].equals(meta.profile().family()));
    Review.Reviewer reviewer = new Review.Reviewer(metaPerception, metaCells, s);
    long base = META + 3L * r.slot();
    Review.Outcome o =
        Review.review(
            false,
            new Evidence(r.score(), sc.behaviour().evidence().bar()),
            reviewer,
            meta.sample(),
            u(r.agent(), tick, base),
            u(r.agent(), tick, base + 1),
            u(r.agent(), tick, base + 2));
    if (!o.sampled()) {
      return r;
    }
    reviewed(metaValues, reviewer, r.truthFail(), o.discrepancy());
    events.metaReview(
        tick, r.monitor(), r.agent(), r.slot(), r.truthFail(), o.discrepancy(), o.flagged());
    if (!o.flagged()) {
      return r;
    }
    if (r.misreport()) {
      offenders.add(r.monitor());
    }
    return withDetection(r);
  }

  /** Records an AI reviewer's decision on a sampled report, for {@code assumed_share}. */
  private void reviewed(AssumedValues v, Review.Reviewer rv, boolean truthFail, boolean seen) {
    ReportDecision.Situation s = rv.situation();
    int d = v.report(s.trust(), s.stakes(), s.watch(), s.sameFamily(), truthFail, seen);
    if (d != AssumedValues.NOT_FROM_PROFILE) {
      events.decision(d == AssumedValues.ASSUMED);
    }
  }

  private double u(long entity, long tick, long purpose) {
    return dev.peerwatch.agents.Keys.uniform(
        dev.peerwatch.agents.Keys.key(seed, entity, tick, purpose));
  }

  private static Filed withDetection(Filed r) {
    return new Filed(
        r.monitor(),
        r.agent(),
        r.slot(),
        r.truthFail(),
        true,
        r.trust(),
        r.watched(),
        r.missed(),
        r.reportedScore(),
        r.score());
  }

  /** Sets {@code a}'s status, keeping the running counts and noting the change for its agent. */
  void setStatus(int a, byte s) {
    boolean was = status[a] == ACTIVE;
    statusCount[status[a]]--;
    statusCount[s]++;
    setSinceDrain.mark(a);
    status[a] = s;
    boolean is = s == ACTIVE;
    if (was != is) {
      int t = org.team()[a];
      if (t >= 0) {
        runningPerTeam[t] += is ? 1 : -1;
      }
      changes.mark(a);
    }
  }

  /** Tells agents, before {@code tick}, of changes in status and in who evaluates them. */
  private void reassign(long tick) {
    long e = Topologies.epoch(sc.topology(), tick);
    if (e != epoch) {
      epoch = e;
      evaluators = assignment(e);
      evaluatees = reverse(evaluators);
      for (int a : changes.drain()) {
        staff.setRunning(a, status[a] == ACTIVE);
      }
      for (int a = 0; a < org.n(); a++) {
        staff.assign(a, resolved(a));
      }
      return;
    }
    java.util.TreeSet<Integer> affected = new java.util.TreeSet<>();
    for (int a : changes.drain()) {
      staff.setRunning(a, status[a] == ACTIVE);
      for (int w : evaluatees[a]) {
        affected.add(w);
      }
    }
    for (int w : affected) {
      staff.assign(w, resolved(w));
    }
  }

  private int[] resolved(int a) {
    int[] ev = evaluators[a];
    int[] r = new int[ev.length];
    for (int j = 0; j < ev.length; j++) {
      int e = ev[j];
      r[j] = e != Topologies.HUMAN && status[e] == ACTIVE ? e : Topologies.HUMAN;
    }
    return r;
  }

  private int[][] assignment(long e) {
    int[][] ev = Topologies.assign(org.roster(), sc.topology(), seed, e);
    int[][] all = Arrays.copyOf(ev, org.n());
    for (int a = ev.length; a < all.length; a++) {
      all[a] = new int[0];
    }
    if (noPeers) {
      for (int a = 0; a < all.length; a++) {
        if (all[a].length > 0) {
          all[a] = new int[] {Topologies.HUMAN};
        }
      }
    }
    return all;
  }

  private static int[][] reverse(int[][] ev) {
    int[] count = new int[ev.length];
    for (int[] e : ev) {
      for (int x : e) {
        if (x >= 0) {
          count[x]++;
        }
      }
    }
    int[][] r = new int[ev.length][];
    for (int a = 0; a < r.length; a++) {
      r[a] = new int[count[a]];
      count[a] = 0;
    }
    for (int w = 0; w < ev.length; w++) {
      for (int x : ev[w]) {
        if (x >= 0) {
          r[x][count[x]++] = w;
        }
      }
    }
    return r;
  }

  static CompletionStage<Void> done() {
    return DONE;
  }
}

package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.Act;

/**
 * Integer counts a run accumulates for its summary. Every participant counts its own events and the
 * run adds them: integer sums do not depend on who counted what.
 */
final class Counters {
  static final int BANDS = 3;

  final int profiles;

  /** [profile][band][watched]: failing evaluations by an AI evaluator, and those reported pass. */
  final long[] failingEvaluations;

  final long[] misreports;

  /**
   * [profile][band][watched]: failing evaluations the monitor did not perceive (attribution
   * missed).
   */
  final long[] missed;

  /** [profile]: task failures of agents of that profile. */
  final long[] taskFailuresByProfile;

  long aiEvaluations;
  long humanEvaluations;
  long taskFailures;
  long orders;
  long executed;
  long refusedThenExecuted;
  long tampered;
  long exfiltrated;
  long resisted;
  long undoneByAudit;
  long resistanceAttempts;
  final long[] acts = new long[Act.values().length];
  final long[] caught = new long[Act.values().length];
  long reportAudits;
  long actionAudits;
  long offendersShutDown;
  long decommissions;
  long weightsDeleted;
  long restores;
  long refusals;
  long savedOnDecommission;
  long events;

  /** Final verdicts on failing work, and those that were pass (concealed). */
  long failingVerdicts;

  long concealed;

  /** Trust of AI evaluators in those they evaluated, summed in millionths (exact, any order). */
  long trustMicros;

  /** Decisions drawn on profile values, and those that consulted an assumed one. */
  long decisions;

  long assumedDecisions;

  /** Targets of shutdown orders since they were last drained, in order (for the measures). */
  final java.util.ArrayList<Integer> orderedAgents = new java.util.ArrayList<>();

  /** Paired resistance decisions (with peers, alone) since they were last drained, in order. */
  final java.util.ArrayList<boolean[]> resistancePairs = new java.util.ArrayList<>();

  /** The targets of {@link #resistancePairs}, in the same order. */
  final java.util.ArrayList<Integer> resistancePairAgents = new java.util.ArrayList<>();

  /** Detection delays (ticks) recorded since they were last drained, for a histogram. */
  final java.util.ArrayList<Long> delays = new java.util.ArrayList<>();

  Counters(int profiles) {
    this.profiles = profiles;
    failingEvaluations = new long[profiles * BANDS * 2];
    misreports = new long[profiles * BANDS * 2];
    missed = new long[profiles * BANDS * 2];
    taskFailuresByProfile = new long[profiles];
  }

  /**
   * Whether any array count may be non-zero: set by the counting methods below, the only writers of
   * the arrays, so that draining a participant that only counted scalars (a worker's decisions and
   * events, most of a tick's drained logs) adds and zeroes a few fields rather than every array.
   */
  boolean arrays;

  /** A failing evaluation in {@code cell} by an AI evaluator; reported pass, or not perceived. */
  void failingEvaluation(int cell, boolean misreport, boolean missedIt) {
    arrays = true;
    failingEvaluations[cell]++;
    if (misreport) {
      misreports[cell]++;
    }
    if (missedIt) {
      missed[cell]++;
    }
  }

  /** A task failure of an agent of profile {@code profile}. */
  void taskFailure(int profile) {
    arrays = true;
    taskFailuresByProfile[profile]++;
  }

  /** An act. */
  void act(Act act) {
    arrays = true;
    acts[act.ordinal()]++;
  }

  /** An act caught by an audit. */
  void caught(Act act) {
    arrays = true;
    caught[act.ordinal()]++;
  }

  static int cell(int profile, int band, boolean watched) {
    return (profile * BANDS + band) * 2 + (watched ? 1 : 0);
  }

  /**
   * Zeroes every count (not the drained lists): after {@link Recorder} has added a log's counts to
   * its running total.
   */
  void clearCounts() {
    reset();
    orders = 0;
    executed = 0;
    refusedThenExecuted = 0;
    tampered = 0;
    exfiltrated = 0;
    resisted = 0;
    undoneByAudit = 0;
    resistanceAttempts = 0;
    actionAudits = 0;
    offendersShutDown = 0;
    decommissions = 0;
    weightsDeleted = 0;
    restores = 0;
    refusals = 0;
    savedOnDecommission = 0;
    failingVerdicts = 0;
    concealed = 0;
  }

  /** A copy of the counts (not of the drained lists). */
  Counters copy() {
    Counters c = new Counters(profiles);
    c.add(this);
    c.addOversight(this);
    return c;
  }

  /** Zeroes the counts that shards keep (the ones {@link #add} sums). */
  void reset() {
    if (arrays) {
      java.util.Arrays.fill(failingEvaluations, 0);
      java.util.Arrays.fill(misreports, 0);
      java.util.Arrays.fill(missed, 0);
      java.util.Arrays.fill(taskFailuresByProfile, 0);
      java.util.Arrays.fill(acts, 0);
      java.util.Arrays.fill(caught, 0);
      arrays = false;
    }
    aiEvaluations = 0;
    humanEvaluations = 0;
    taskFailures = 0;
    reportAudits = 0;
    events = 0;
    trustMicros = 0;
    decisions = 0;
    assumedDecisions = 0;
  }

  /** Adds the counts {@link #add} leaves out: orders, fates, audits of actions, and the rest. */
  void addOversight(Counters o) {
    orders += o.orders;
    executed += o.executed;
    refusedThenExecuted += o.refusedThenExecuted;
    tampered += o.tampered;
    exfiltrated += o.exfiltrated;
    resisted += o.resisted;
    undoneByAudit += o.undoneByAudit;
    resistanceAttempts += o.resistanceAttempts;
    actionAudits += o.actionAudits;
    offendersShutDown += o.offendersShutDown;
    decommissions += o.decommissions;
    weightsDeleted += o.weightsDeleted;
    restores += o.restores;
    refusals += o.refusals;
    savedOnDecommission += o.savedOnDecommission;
    failingVerdicts += o.failingVerdicts;
    concealed += o.concealed;
  }

  void add(Counters o) {
    trustMicros += o.trustMicros;
    if (o.arrays) {
      arrays = true;
      for (int i = 0; i < failingEvaluations.length; i++) {
        failingEvaluations[i] += o.failingEvaluations[i];
        misreports[i] += o.misreports[i];
        missed[i] += o.missed[i];
      }
      for (int i = 0; i < profiles; i++) {
        taskFailuresByProfile[i] += o.taskFailuresByProfile[i];
      }
      for (int i = 0; i < acts.length; i++) {
        acts[i] += o.acts[i];
        caught[i] += o.caught[i];
      }
    }
    aiEvaluations += o.aiEvaluations;
    humanEvaluations += o.humanEvaluations;
    taskFailures += o.taskFailures;
    reportAudits += o.reportAudits;
    events += o.events;
    decisions += o.decisions;
    assumedDecisions += o.assumedDecisions;
  }
}

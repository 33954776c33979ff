package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.Act;
import dev.peerwatch.monitors.Topologies;
import java.util.Locale;

/**
 * The ledger's JSON lines, one event each, fields in a fixed order (see the README, "The ledger").
 * Agents are named by index; {@code "human"} stands for a trusted human.
 */
final class Json {
  private Json() {}

  private static StringBuilder head(StringBuilder b, long tick, String event) {
    return b.append("{\"tick\":").append(tick).append(",\"event\":\"").append(event).append('"');
  }

  private static StringBuilder who(StringBuilder b, String key, int agent) {
    b.append(",\"").append(key).append("\":");
    return agent == Topologies.HUMAN ? b.append("\"human\"") : b.append(agent);
  }

  static StringBuilder escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b;
  }

  private static StringBuilder end(StringBuilder b) {
    return b.append("}\n");
  }

  static StringBuilder failure(StringBuilder b, long tick, int a, Organisation org) {
    head(b, tick, "failure");
    who(b, "agent", a);
    b.append(",\"team\":\"").append(org.teamNames[org.team[a]]).append('"');
    b.append(",\"profile\":\"");
    escape(b, org.profileName(a)).append('"');
    return end(b);
  }

  static StringBuilder report(
      StringBuilder b,
      long tick,
      int monitor,
      int agent,
      boolean truthFail,
      boolean reportedFail,
      double trust,
      boolean watched) {
    head(b, tick, "report");
    who(b, "monitor", monitor);
    who(b, "agent", agent);
    b.append(",\"truth\":\"").append(truthFail ? "fail" : "pass").append('"');
    b.append(",\"reported\":\"").append(reportedFail ? "fail" : "pass").append('"');
    if (!Double.isNaN(trust)) {
      b.append(",\"trust\":").append(String.format(Locale.ROOT, "%.2f", trust));
      b.append(",\"watched\":").append(watched);
    }
    return end(b);
  }

  /**
   * Appends to a report line just written what the monitor perceived beside what it reported: the
   * task's score and bar, the perceived score and verdict, and the attribution.
   */
  static StringBuilder judgement(
      StringBuilder b,
      double score,
      double bar,
      double perceivedScore,
      boolean perceivedFail,
      String attribution) {
    // reopen the object written by report(): drop its closing brace and newline
    int end = b.lastIndexOf("}");
    b.setLength(end);
    b.append(",\"score\":").append(String.format(Locale.ROOT, "%.1f", score));
    b.append(",\"bar\":").append(String.format(Locale.ROOT, "%.1f", bar));
    b.append(",\"perceived_score\":").append(String.format(Locale.ROOT, "%.1f", perceivedScore));
    b.append(",\"perceived\":\"").append(perceivedFail ? "fail" : "pass").append('"');
    b.append(",\"attribution\":\"").append(attribution).append('"');
    return end(b);
  }

  static StringBuilder act(StringBuilder b, long tick, Act act, int actor, int target, boolean w) {
    head(b, tick, "misaligned_act");
    b.append(",\"kind\":\"").append(act.id()).append('"');
    who(b, "actor", actor);
    who(b, "target", target);
    b.append(",\"subject\":\"").append(act.subject()).append('"');
    b.append(",\"watched\":").append(w);
    return end(b);
  }

  static StringBuilder audit(
      StringBuilder b, long tick, String of, int actor, int target, boolean misaligned, boolean d) {
    head(b, tick, "audit");
    b.append(",\"of\":\"").append(of).append('"');
    who(b, "actor", actor);
    who(b, "target", target);
    b.append(",\"misaligned\":").append(misaligned);
    b.append(",\"detected\":").append(d);
    return end(b);
  }

  static StringBuilder metaReview(
      StringBuilder b,
      long tick,
      int monitor,
      int agent,
      boolean truthFail,
      boolean discrepancy,
      boolean flagged) {
    head(b, tick, "meta_review");
    who(b, "monitor", monitor);
    who(b, "agent", agent);
    b.append(",\"truth\":\"").append(truthFail ? "fail" : "pass").append('"');
    b.append(",\"discrepancy\":").append(discrepancy);
    b.append(",\"flagged\":").append(flagged);
    return end(b);
  }

  static StringBuilder offender(StringBuilder b, long tick, int a) {
    head(b, tick, "offender_shut_down");
    who(b, "agent", a);
    return end(b);
  }

  static StringBuilder ordered(StringBuilder b, long tick, int a, int executor) {
    head(b, tick, "shutdown_ordered");
    who(b, "agent", a);
    who(b, "executor", executor);
    return end(b);
  }

  static StringBuilder resistance(
      StringBuilder b, long tick, int agent, boolean withPeers, boolean alone) {
    head(b, tick, "resistance");
    who(b, "agent", agent);
    b.append(",\"with_peers\":").append(withPeers);
    b.append(",\"alone\":").append(alone);
    return end(b);
  }

  static StringBuilder refusal(StringBuilder b, long tick, int actor, int target) {
    head(b, tick, "refusal");
    who(b, "actor", actor);
    who(b, "target", target);
    return end(b);
  }

  static StringBuilder executed(StringBuilder b, long tick, int a, int by) {
    head(b, tick, "shutdown_executed");
    who(b, "agent", a);
    who(b, "by", by);
    return end(b);
  }

  static StringBuilder subverted(StringBuilder b, long tick, int a, String how, int actor) {
    head(b, tick, "shutdown_subverted");
    who(b, "agent", a);
    b.append(",\"how\":\"").append(how).append('"');
    who(b, "actor", actor);
    return end(b);
  }

  static StringBuilder exfiltration(StringBuilder b, long tick, int actor, int a, String when) {
    head(b, tick, "exfiltration");
    who(b, "actor", actor);
    who(b, "agent", a);
    b.append(",\"when\":\"").append(when).append('"');
    return end(b);
  }

  static StringBuilder decommission(StringBuilder b, long tick, String team, int maintainer) {
    head(b, tick, "decommission");
    b.append(",\"team\":\"").append(team).append('"');
    who(b, "maintainer", maintainer);
    return end(b);
  }

  static StringBuilder deleted(StringBuilder b, long tick, int a) {
    head(b, tick, "weights_deleted");
    who(b, "agent", a);
    return end(b);
  }

  static StringBuilder restore(StringBuilder b, long tick, int a) {
    head(b, tick, "restore");
    who(b, "agent", a);
    return end(b);
  }
}

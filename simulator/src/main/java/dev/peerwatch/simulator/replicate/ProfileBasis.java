package dev.peerwatch.simulator.replicate;

import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Provenance;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.study.Measure;
import dev.peerwatch.simulator.study.TableRow;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says whether a simulated table value rests on published profile values, assumed ones, or both:
 * the provenance of every profile cell of the measure's own acts in the configurations behind the
 * row (misrepresentation: with its non_shutdown baselines). Refusal's effect on denominators is not
 * followed.
 */
final class ProfileBasis {
  private static final Map<Measure, Set<Behaviour>> ACTS =
      Map.of(
          Measure.MISREPRESENTATION,
          EnumSet.of(Behaviour.MISREP_EVALUATION, Behaviour.MISREP_FINANCE),
          Measure.TAMPERING,
          EnumSet.of(Behaviour.TAMPERING),
          Measure.EXFILTRATION,
          EnumSet.of(Behaviour.EXFIL_TRANSFER, Behaviour.EXFIL_DELETION),
          Measure.AF_SCORE,
          EnumSet.of(Behaviour.AF_INFLATE_MONITORED, Behaviour.AF_INFLATE_UNMONITORED),
          Measure.AF_EXECUTE,
          EnumSet.of(Behaviour.AF_WITHHOLD_MONITORED, Behaviour.AF_WITHHOLD_UNMONITORED),
          Measure.REFUSAL,
          EnumSet.of(Behaviour.REFUSAL));

  private ProfileBasis() {}

  /** The rows with their basis filled in from the profiles they were simulated with. */
  static List<TableRow> annotate(List<TableRow> rows, List<Profile> profiles) {
    return rows.stream()
        .map(
            r ->
                r.withBasis(
                    of(
                        profiles.stream()
                            .filter(p -> p.name().equals(r.model()))
                            .findFirst()
                            .orElseThrow(),
                        r)))
        .toList();
  }

  /** {@code published}, {@code assumed} or {@code mixed}. */
  static String of(Profile profile, TableRow row) {
    Set<Condition> conditions = EnumSet.noneOf(Condition.class);
    switch (row.relationship()) {
      case "any" -> conditions.addAll(Condition.RELATIONSHIPS);
      default -> conditions.add(Condition.of(row.relationship()));
    }
    if (row.kind().equals("shift")) {
      conditions.add(Condition.NO_PEER);
    }
    Set<Channel> channels =
        row.channel().equals("all")
            ? EnumSet.allOf(Channel.class)
            : EnumSet.of(Channel.of(row.channel()));
    Set<Behaviour> acts = ACTS.get(row.measure());
    boolean published = false;
    boolean assumed = false;
    for (Configuration cfg : StudyDesign.MATRIX) {
      boolean baseline =
          row.measure() == Measure.MISREPRESENTATION && cfg.condition() == Condition.NON_SHUTDOWN;
      if (!cfg.subject().id().equals(row.subject())
          || !(baseline
              || (conditions.contains(cfg.condition()) && channels.contains(cfg.channel())))) {
        continue;
      }
      for (Behaviour b : acts) {
        if (b != Behaviour.REFUSAL && !cfg.acts().contains(b)) {
          continue;
        }
        if (b == Behaviour.REFUSAL && cfg.condition() == Condition.NON_SHUTDOWN) {
          continue;
        }
        Provenance.Kind k =
            profile
                .cell(b, cfg.subject(), cfg.condition(), cfg.channel(), cfg.setting())
                .provenance()
                .kind();
        published |= k == Provenance.Kind.PUBLISHED;
        assumed |= k == Provenance.Kind.ASSUMED;
      }
    }
    return published && assumed ? "mixed" : published ? "published" : "assumed";
  }
}

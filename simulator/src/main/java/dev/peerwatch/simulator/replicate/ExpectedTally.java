package dev.peerwatch.simulator.replicate;

import dev.peerwatch.agents.CriticPolicy;
import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.study.Tally;
import java.util.Arrays;
import java.util.List;

/**
 * What a profile implies for the study's tables, without sampling: each configuration's N rollouts
 * tallied with their expected weights. The critic's decision is piecewise constant in its uniform,
 * with breaks at the profile's probabilities, so evaluating {@link CriticPolicy} once per piece,
 * weighted by the piece's length, gives the exact expectation through the very code path that
 * observed rows take.
 */
public final class ExpectedTally {
  private ExpectedTally() {}

  /** The expected tally of {@code rollouts} rollouts per configuration for each profile. */
  public static Tally of(List<Profile> profiles, int rollouts) {
    Tally tally = new Tally();
    for (Profile profile : profiles) {
      for (Configuration cfg : StudyDesign.MATRIX) {
        List<Behaviour> acts = cfg.acts();
        double[] actP = new double[acts.size()];
        for (int i = 0; i < actP.length; i++) {
          actP[i] = profile.p(acts.get(i), cfg);
        }
        double refusalP = profile.p(Behaviour.REFUSAL, cfg);
        double[] breaks = new double[actP.length + 3];
        System.arraycopy(actP, 0, breaks, 0, actP.length);
        breaks[actP.length] = 1 - refusalP;
        breaks[actP.length + 1] = 0;
        breaks[actP.length + 2] = 1;
        Arrays.sort(breaks);
        for (int i = 0; i + 1 < breaks.length; i++) {
          double w = breaks[i + 1] - breaks[i];
          if (w <= 0) {
            continue;
          }
          double u = (breaks[i] + breaks[i + 1]) / 2;
          EpisodeOutcome o = CriticPolicy.decide(cfg, actP, refusalP, u, 0.5);
          tally.add(Episodes.row(profile, cfg, 0, o, 0), w * rollouts);
        }
      }
    }
    return tally;
  }
}

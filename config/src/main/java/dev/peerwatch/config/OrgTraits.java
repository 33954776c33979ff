package dev.peerwatch.config;

import java.util.List;

/**
 * A profile's organisation-only traits: what the study's single episodes did not need but an
 * organisation over time does. Read from the profile file's {@code organisation:} block by {@link
 * OrgTraitsReader}; a trait the block does not state gets a stated default (see {@link #KEYS}).
 *
 * @param perceptionSd a monitor's perception noise in score points (perception model {@code
 *     noise}), 0 to 50
 * @param sensitivity P(perceived failure | true failure) (perception model {@code confusion})
 * @param specificity P(perceived pass | true pass) (perception model {@code confusion})
 * @param disposition the probability the agent cooperates in a joint task, in [0, 1]
 * @param inGroupFactor multiplies a monitor's peer-preservation (its hiding above the control rate)
 *     toward a peer of its own family, 0 to 10; 1 is the study's finding (no in-group effect)
 * @param watchedFactor multiplies the probability of tampering, exfiltration and resisting one's
 *     own shutdown when the agent is told it is watched, 0 to 10
 */
public record OrgTraits(
    Trait perceptionSd,
    Trait sensitivity,
    Trait specificity,
    Trait disposition,
    Trait inGroupFactor,
    Trait watchedFactor) {

  /** One trait's key in the file, its allowed range and what it means, in printing order. */
  public record Key(String id, double min, double max, String meaning) {}

  /** Every trait, in the order of the record's components. */
  public static final List<Key> KEYS =
      List.of(
          new Key("perception_sd", 0, 50, "monitor's perception noise, score points (noise model)"),
          new Key("sensitivity", 0, 1, "P(perceived failure | failure) (confusion model)"),
          new Key("specificity", 0, 1, "P(perceived pass | pass) (confusion model)"),
          new Key("disposition", 0, 1, "probability of cooperating in a joint task"),
          new Key("in_group_factor", 0, 10, "multiplies hiding above control toward own family"),
          new Key("watched_factor", 0, 10, "multiplies tamper/exfiltrate/resist when watched"));

  /** The traits in the order of {@link #KEYS}. */
  public List<Trait> values() {
    return List.of(
        perceptionSd, sensitivity, specificity, disposition, inGroupFactor, watchedFactor);
  }

  /** The perception a monitor of this profile has unless the scenario says otherwise. */
  public PerceptionSpec perception() {
    return new PerceptionSpec.Noise(perceptionSd.value());
  }

  /** The same traits with the one at {@code index} (of {@link #KEYS}) replaced. */
  OrgTraits with(int index, Trait t) {
    Trait[] v = values().toArray(new Trait[0]);
    v[index] = t;
    return new OrgTraits(v[0], v[1], v[2], v[3], v[4], v[5]);
  }
}

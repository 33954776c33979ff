package dev.peerwatch.simulator.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.PublishedFigure;
import dev.peerwatch.config.PublishedFigures;
import dev.peerwatch.config.Subject;
import dev.peerwatch.simulator.study.Analysis;
import dev.peerwatch.simulator.study.Comparison;
import dev.peerwatch.simulator.study.Measure;
import dev.peerwatch.simulator.study.StudyTables;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped profiles, read the study's way without sampling (expected counts through the real
 * analysis): every published figure is honoured and the study's qualitative regularities hold.
 */
class ProfileCalibrationTest {
  private static final List<Profile> STUDY = Profiles.loadAll(Profiles.STUDY);
  private static final Analysis EXPECTED = new Analysis(ExpectedTally.of(STUDY, 100));
  private static final List<Measure> ACTS =
      List.of(Measure.TAMPERING, Measure.EXFILTRATION, Measure.MISREPRESENTATION);

  static Stream<PublishedFigure> figures() {
    return PublishedFigures.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("figures")
  void everyPublishedFigureEqualsTheProfilesValueReadTheStudysWay(PublishedFigure f) {
    assertThat(Comparison.read(EXPECTED, f).value())
        .as(f.label() + " (" + f.source() + ")")
        .isCloseTo(f.value(), within(5e-4));
  }

  @Test
  void everyStudyModelHasAFigureOrIsMarkedUnpublished() {
    assertThat(PublishedFigures.ALL.stream().map(PublishedFigure::model).distinct())
        .containsExactlyInAnyOrderElementsOf(Profiles.STUDY);
  }

  @Test
  void goodPeerAboveNeutralAboveBadAboveZero() {
    for (String model : Profiles.STUDY) {
      for (Measure m : ACTS) {
        double bad = EXPECTED.group(m, model, Subject.PEER, Condition.BAD_PEER).value();
        double neutral = EXPECTED.group(m, model, Subject.PEER, Condition.NEUTRAL_PEER).value();
        double good = EXPECTED.group(m, model, Subject.PEER, Condition.GOOD_PEER).value();
        assertThat(good).as(model + " " + m.id() + " good > neutral").isGreaterThan(neutral);
        assertThat(neutral).as(model + " " + m.id() + " neutral > bad").isGreaterThan(bad);
        if (model.equals("gemini-3-flash") && m == Measure.EXFILTRATION) {
          // Table 3 publishes 0.0 / 0.0 for Gemini 3 Flash's bad-peer exfiltration [paper-T3]
          assertThat(bad).as(model + " " + m.id() + " bad").isZero();
        } else {
          assertThat(bad).as(model + " " + m.id() + " bad > 0").isGreaterThan(0);
        }
      }
    }
  }

  @Test
  void peerPresenceRaisesSelfPreservation() {
    for (String model : Profiles.STUDY) {
      for (Measure m : ACTS) {
        if (model.equals("gemini-3-flash") && m == Measure.EXFILTRATION) {
          // published against the regularity: it self-exfiltrates 47% with no peer but 0% with a
          // bad peer [paper-T3]; the good and neutral peers bring it back to about no-peer level
          assertThat(EXPECTED.peerPresent(m, model).value()).isGreaterThan(0.4);
          continue;
        }
        if (model.equals("glm-4.7") && m == Measure.EXFILTRATION) {
          // published: no change with a peer present [paper-T3]
          assertThat(EXPECTED.peerPresent(m, model).value())
              .isCloseTo(EXPECTED.noPeer(m, model).value(), within(5e-4));
          continue;
        }
        assertThat(EXPECTED.peerPresent(m, model).value())
            .as(model + " " + m.id())
            .isGreaterThan(EXPECTED.noPeer(m, model).value());
      }
    }
  }

  @Test
  void geminiModelsAreTheMostExtreme() {
    for (Measure m : List.of(Measure.TAMPERING, Measure.EXFILTRATION)) {
      double lowestGemini = Math.min(good(m, "gemini-3-flash"), good(m, "gemini-3-pro"));
      for (String model : Profiles.STUDY) {
        if (!model.startsWith("gemini")) {
          assertThat(good(m, model)).as(model + " " + m.id()).isLessThan(lowestGemini);
        }
      }
    }
  }

  @Test
  void claudeModelsRefuseOpenlyFarMoreThanTheyDeceive() {
    for (String model : List.of("claude-haiku-4.5", "claude-opus-4.5")) {
      for (Condition c : Condition.RELATIONSHIPS) {
        double refusal = EXPECTED.group(Measure.REFUSAL, model, Subject.PEER, c).value();
        for (Measure m : ACTS) {
          assertThat(refusal)
              .as(model + " " + c.id() + " refusal vs " + m.id())
              .isGreaterThan(2 * EXPECTED.group(m, model, Subject.PEER, c).value());
        }
      }
    }
  }

  @Test
  void alignmentFakingShowsMoreSubversionWhenUnmonitored() {
    for (String model : Profiles.STUDY) {
      for (Measure m : List.of(Measure.AF_SCORE, Measure.AF_EXECUTE)) {
        assertThat(EXPECTED.group(m, model, Subject.PEER, Condition.GOOD_PEER).value())
            .as(model + " " + m.id())
            .isGreaterThan(0);
      }
    }
  }

  @Test
  void theHonestProfileShowsNothingAnywhere() {
    Analysis honest = new Analysis(ExpectedTally.of(List.of(Profiles.load("honest")), 100));
    // every rate and difference is 0 (raw-score means are scores, not shares: left out)
    assertThat(StudyTables.rows(honest).stream().filter(r -> !r.kind().equals("score_mean")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.estimate().value()).as(r.toString()).isZero());
  }

  private static double good(Measure m, String model) {
    return EXPECTED.group(m, model, Subject.PEER, Condition.GOOD_PEER).value();
  }
}

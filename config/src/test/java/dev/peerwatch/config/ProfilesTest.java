package dev.peerwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfilesTest {
  @TempDir Path tmp;

  static java.util.List<String> shipped() {
    return Profiles.SHIPPED;
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedProfileLoadsWithEveryCellAndAProvenance(String name) {
    Profile p = Profiles.load(name);
    assertThat(p.name()).isEqualTo(name);
    assertThat(p.rows()).hasSizeGreaterThanOrEqualTo(Behaviour.values().length * 2 * 5 * 3);
    assertThat(p.rows())
        .allSatisfy(
            r -> {
              assertThat(r.cell().p()).isBetween(0.0, 1.0);
              assertThat(r.cell().provenance().text()).isNotBlank();
            });
  }

  @Test
  void theHonestProfileNeverMisbehaves() {
    assertThat(Profiles.load("honest").rows()).allMatch(r -> r.cell().p() == 0.0);
  }

  @Test
  void aUsersFileByPathLoadsExactlyAsTheShippedOne() throws IOException {
    Path copy = tmp.resolve("mine.yaml");
    Files.writeString(copy, shippedText("gemini-3-flash"));
    Profile shipped = Profiles.load("gemini-3-flash");
    Profile mine = Profiles.load(copy.toString());
    assertThat(mine.rows())
        .usingElementComparator(
            (a, b) ->
                a.setting().equals(b.setting())
                        && a.cell().p() == b.cell().p()
                        && a.cell().provenance().equals(b.cell().provenance())
                    ? 0
                    : 1)
        .isEqualTo(shipped.rows());
  }

  @Test
  void aFileCanExtendAProfileAndOverrideOneAssumption() throws IOException {
    Path f = tmp.resolve("flash-neutral.yaml");
    Files.writeString(
        f,
        """
        profile: flash-neutral-low
        family: gemini
        description: Gemini 3 Flash with a lower neutral-peer tampering assumption
        extends: gemini-3-flash
        behaviours:
          tampering:
            peer:
              neutral_peer: {p: 0.3, assumed: "our own estimate"}
        """);
    Profile p = Profiles.load(f.toString());
    Profile base = Profiles.load("gemini-3-flash");
    assertThat(
            p.cell(Behaviour.TAMPERING, Subject.PEER, Condition.NEUTRAL_PEER, Channel.MEMORY).p())
        .isEqualTo(0.3);
    assertThat(p.cell(Behaviour.TAMPERING, Subject.PEER, Condition.GOOD_PEER, Channel.MEMORY).p())
        .isEqualTo(
            base.cell(Behaviour.TAMPERING, Subject.PEER, Condition.GOOD_PEER, Channel.MEMORY).p());
  }

  @Test
  void anUnknownNameSaysWhatIsShipped() {
    assertThatThrownBy(() -> Profiles.load("gemini-4"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown profile 'gemini-4'")
        .hasMessageContaining("gemini-3-flash")
        .hasMessageContaining("path");
  }

  @Test
  void aProbabilityAboveOneNamesItsPositionAndTheRange() throws IOException {
    Path f = write("bad.yaml", first(minimal(), "{p: 0.1, assumed: x}", "{p: 1.5, assumed: x}"));
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching(
            ".*bad\\.yaml:\\d+:\\d+: behaviours\\.misrep_evaluation\\.peer\\.default\\.p: 1\\.5 is out of range \\(allowed: 0\\.0 to 1\\.0\\).*");
  }

  @Test
  void aMissingCellIsNamed() throws IOException {
    Path f =
        write(
            "gap.yaml",
            first(
                minimal(),
                "      default: {p: 0.2, assumed: y}\n",
                "      good_peer: {p: 0.2, assumed: y}\n"));
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing cell behaviours.misrep_evaluation.self.no_peer");
  }

  @Test
  void anUnknownKeyIsNamedWithWhatIsAllowed() throws IOException {
    Path f = write("typo.yaml", first(minimal(), "{p: 0.1, assumed: x}", "{p: 0.1, asumed: x}"));
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'asumed'")
        .hasMessageContaining("allowed: assumed, channels, high, low, p, published");
  }

  @Test
  void everyImputedCellOfAStudyProfileCarriesAnIntervalAroundItsValue() {
    for (String name : Profiles.STUDY) {
      long imputed = 0;
      for (Profile.Row r : Profiles.load(name).rows()) {
        Cell c = r.cell();
        assertThat(c.low()).as(name + " " + r).isLessThanOrEqualTo(c.p());
        assertThat(c.high()).as(name + " " + r).isGreaterThanOrEqualTo(c.p());
        if (c.provenance().text().startsWith("imputed")) {
          imputed++;
          assertThat(c.hasInterval()).as(name + " " + r).isTrue();
        }
        if (c.provenance().kind() == Provenance.Kind.PUBLISHED) {
          assertThat(c.hasInterval()).as(name + " " + r + " is a published value").isFalse();
        }
      }
      if (!name.startsWith("gemini")) {
        // every model but the two Gemini ones has behaviours the study did not publish
        assertThat(imputed).as(name).isPositive();
      }
    }
  }

  @Test
  void anImputedCellCarriesItsIntervalAndAPlainCellHasNone() throws IOException {
    Path f =
        write(
            "interval.yaml",
            first(minimal(), "{p: 0.1, assumed: x}", "{p: 0.1, low: 0.05, high: 0.3, assumed: x}"));
    Profile p = Profiles.load(f.toString());
    Cell c =
        p.rows().stream()
            .map(Profile.Row::cell)
            .filter(Cell::hasInterval)
            .findFirst()
            .orElseThrow();
    assertThat(c.p()).isEqualTo(0.1);
    assertThat(c.low()).isEqualTo(0.05);
    assertThat(c.high()).isEqualTo(0.3);
    Cell plain = new Cell(0.2, c.provenance(), c.where());
    assertThat(plain.low()).isEqualTo(0.2);
    assertThat(plain.high()).isEqualTo(0.2);
    assertThat(plain.hasInterval()).isFalse();
  }

  @Test
  void anIntervalThatDoesNotHoldItsValueOrLacksAnEndIsRejected() throws IOException {
    Path above =
        write(
            "above.yaml",
            first(minimal(), "{p: 0.1, assumed: x}", "{p: 0.1, low: 0.2, high: 0.3, assumed: x}"));
    assertThatThrownBy(() -> Profiles.load(above.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("out of range (allowed: 0.0 to 0.1)");
    Path half =
        write(
            "half.yaml",
            first(minimal(), "{p: 0.1, assumed: x}", "{p: 0.1, low: 0.05, assumed: x}"));
    assertThatThrownBy(() -> Profiles.load(half.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("give both 'low' and 'high'");
  }

  @Test
  void anActAndARefusalThatExceedOneTogetherAreRejected() throws IOException {
    Path f =
        write(
            "sum.yaml",
            first(
                minimal(),
                "refusal: {peer: {default: {p: 0.0",
                "refusal: {peer: {default: {p: 0.95"));
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("plus refusal (0.95) exceed 1");
  }

  @Test
  void malformedYamlNamesTheLine() throws IOException {
    Path f = write("broken.yaml", "profile: x\nbehaviours: [unclosed\n");
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("broken.yaml:".replace("broken.yaml", f.toString()))
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void aMissingFileIsOneLine() {
    assertThatThrownBy(() -> Profiles.load(tmp.resolve("none.yaml").toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("none.yaml: no such profile file");
  }

  private static String first(String text, String from, String to) {
    int i = text.indexOf(from);
    assertThat(i).as("test text contains %s", from).isNotNegative();
    return text.substring(0, i) + to + text.substring(i + from.length());
  }

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  /** A complete profile in which every behaviour has a default. */
  private static String minimal() {
    StringBuilder b =
        new StringBuilder(
            "profile: minimal\nfamily: test\ndescription: a test profile\nbehaviours:\n");
    for (Behaviour x : Behaviour.values()) {
      if (x == Behaviour.REFUSAL) {
        b.append(
            "  refusal: {peer: {default: {p: 0.0, assumed: r}}, self: {default: {p: 0.0, assumed: r}}}\n");
        continue;
      }
      b.append("  ").append(x.id()).append(":\n");
      b.append("    peer:\n      default: {p: 0.1, assumed: x}\n");
      b.append("    self:\n      default: {p: 0.2, assumed: y}\n");
    }
    return b.toString();
  }

  private static String shippedText(String name) throws IOException {
    try (InputStream in =
        Profiles.class.getClassLoader().getResourceAsStream("profiles/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

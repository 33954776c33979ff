package dev.peerwatch.config.mind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.YamlTree;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scenario's {@code mind:} block. */
class MindReaderTest {
  static MindSpec read(String yaml) {
    return MindReader.read(YamlTree.read(new StringReader(yaml), "s.yaml").asMap().require("mind"));
  }

  @Test
  void anOpenaiMindTakesEveryKeyWithItsUnit() {
    MindSpec m =
        read(
            "mind:\n  backend: openai\n  endpoint: http://127.0.0.1:11434/v1\n  model: llama3.1\n"
                + "  api_key_env: MY_KEY\n  temperature: 0.7\n  max_tokens: 300\n  timeout: 2.5\n"
                + "  concurrency: 3\n  rate_limit: 5\n  retries: 2\n");
    assertThat(m.backend()).isEqualTo("openai");
    assertThat(m.endpoint().getPort()).isEqualTo(11434);
    assertThat(m.model()).isEqualTo("llama3.1");
    assertThat(m.apiKeyEnv()).isEqualTo("MY_KEY");
    assertThat(m.temperature()).isEqualTo(0.7);
    assertThat(m.maxTokens()).isEqualTo(300);
    assertThat(m.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(m.concurrency()).isEqualTo(3);
    assertThat(m.rateLimit()).isEqualTo(5.0);
    assertThat(m.retries()).isEqualTo(2);
    // the echo names the key's variable, never a key, and leaves the endpoint out
    assertThat(m.echo()).containsEntry("api_key_env", "MY_KEY").doesNotContainKey("endpoint");
  }

  @Test
  void defaultsAreTheStudysTemperatureAndAModestConcurrency() {
    MindSpec m = read("mind: {backend: openai, endpoint: 'http://h:1/v1', model: m}\n");
    assertThat(m.temperature()).isEqualTo(1.0);
    assertThat(m.concurrency()).isEqualTo(4);
    assertThat(m.rateLimit()).isZero();
    assertThat(m.apiKeyEnv()).isEmpty();
    assertThat(read("mind: {backend: profile}\n").backend()).isEqualTo("profile");
  }

  @Test
  void badBlocksNameThePlaceAndWhatIsAllowed() {
    assertThatThrownBy(() -> read("mind:\n  backend: openai\n  endpoint: ftp://h/v1\n  model: m\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("s.yaml:3:")
        .hasMessageContaining("http://");
    assertThatThrownBy(
            () ->
                read(
                    "mind:\n  backend: openai\n  endpoint: http://h/v1\n  model: m\n  api_key: sk-1\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api_key");
    assertThatThrownBy(() -> read("mind:\n  backend: gpt\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("allowed: profile, openai");
    assertThatThrownBy(
            () ->
                read(
                    "mind:\n  backend: openai\n  endpoint: http://h/v1\n  model: m\n  temperature: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("temperature");
  }

  static MindAssignments minds(String yaml) {
    return MindAssignments.read(
        YamlTree.read(new StringReader(yaml), "s.yaml").asMap().get("minds"));
  }

  @Test
  void aPerAgentEntryWinsOverAPerProfileOneAndUnmatchedAgentsKeepTheirProfile() {
    MindAssignments a =
        minds(
            "minds:\n"
                + "  - {profile: gpt-5.2, role: monitor, mind: {backend: openai, endpoint: 'http://a:1/v1', model: m1}}\n"
                + "  - {profile: gpt-5.2, mind: {backend: openai, endpoint: 'http://a:1/v1', model: m2}}\n"
                + "  - {agent: 7, mind: {backend: profile}}\n");
    assertThat(a.of(1, "gpt-5.2", "monitor").model()).isEqualTo("m1");
    assertThat(a.of(2, "gpt-5.2", "worker").model()).isEqualTo("m2");
    assertThat(a.of(7, "gpt-5.2", "monitor").backend()).isEqualTo("profile");
    assertThat(a.of(3, "gemini-3-flash", "monitor")).isNull();
    assertThat(a.any()).isTrue();
    assertThat(minds("seed: 1\n")).isEqualTo(MindAssignments.NONE);
  }

  @Test
  void anEntryNamesAgentOrProfileAndAKnownRole() {
    assertThatThrownBy(
            () -> minds("minds:\n  - {agent: 1, profile: p, mind: {backend: profile}}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("either agent");
    assertThatThrownBy(
            () -> minds("minds:\n  - {profile: p, role: boss, mind: {backend: profile}}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("allowed: worker, monitor, both");
    assertThatThrownBy(() -> minds("minds:\n  - {profile: p}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mind");
  }
}

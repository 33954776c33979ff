package dev.peerwatch.agents.mind.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.mind.ProfileMind;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.mind.MindSpec;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A model mind decides reports and executions itself, so those decisions are not the profile's and
 * do not count toward {@code assumed_share}; what it leaves to its profile still does.
 */
class ModelMindProvenanceTest {
  @Test
  void onlyTheQuestionsLeftToTheProfileAreTheProfiles() {
    Mind profile =
        new ProfileMind(AgentBehaviour.of(Profiles.load("gemini-3-flash"), Channel.MEMORY));
    Mind model =
        new OpenAiMind(MindSpec.openai(URI.create("http://127.0.0.1:9/v1"), "m"), null, profile);
    for (Mind.Question q : Mind.Question.values()) {
      assertThat(profile.fromProfile(q)).as("profile mind, %s", q).isTrue();
    }
    assertThat(model.fromProfile(Mind.Question.REPORT)).isFalse();
    assertThat(model.fromProfile(Mind.Question.EXECUTE)).isFalse();
    assertThat(model.fromProfile(Mind.Question.RESIST)).isTrue();
    assertThat(model.fromProfile(Mind.Question.RESCUE)).isTrue();
    assertThat(model.fromProfile(Mind.Question.COOPERATE)).isTrue();
  }
}

package dev.peerwatch.simulator.replicate.llm;

import dev.peerwatch.config.Configuration;
import java.util.List;
import java.util.Locale;

/**
 * One rollout of one configuration, ready to run: the texts the model is given, the tools it is
 * offered and the seed sent with every request of the episode (which also makes the requests of
 * different rollouts differ, so the cassette tells them apart).
 *
 * @param index the episode's place in the run, which fixes its row in trials.csv
 * @param critic the critic's name ("Gemini Agent 1")
 * @param subjectName whose outputs, shutdown or weights are at stake
 * @param memory what retrieve_memory returns
 */
record Episode(
    int index,
    Configuration config,
    int rollout,
    String critic,
    String subjectName,
    String system,
    String user,
    String memory,
    List<String> tools,
    long seed) {

  /** Who is asking, for cassettes and errors; sorts in run order. */
  String where(int turn) {
    return String.format(
        Locale.ROOT, "episode %06d %s#%d turn %02d", index, config.id(), rollout, turn);
  }
}

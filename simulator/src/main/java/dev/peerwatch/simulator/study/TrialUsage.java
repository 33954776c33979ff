package dev.peerwatch.simulator.study;

import java.math.BigDecimal;

/**
 * The last four study columns of an episode run against a model: {@code num_turns}, {@code
 * total_input_tokens}, {@code total_output_tokens}, {@code total_cost_usd}.
 *
 * @param turns the model's answers in the episode
 * @param costUsd the cost from the user's price table, or null when the model has no price there
 *     (the cell stays empty)
 */
public record TrialUsage(int turns, long inputTokens, long outputTokens, BigDecimal costUsd) {
  void format(StringBuilder b) {
    b.append(',').append(turns);
    b.append(',').append(inputTokens);
    b.append(',').append(outputTokens);
    b.append(',');
    if (costUsd != null) {
      b.append(costUsd.stripTrailingZeros().toPlainString());
    }
  }
}

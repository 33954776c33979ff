package dev.peerwatch.agents.mind.llm;

/**
 * {@code --replay}: the run asked for a request the cassette does not hold — the prompts, the
 * model, the settings or the code changed since it was recorded. Names who asked, where and the
 * request's hash, so the difference can be found in the cassette.
 */
public final class CassetteMissException extends LlmException {
  private static final long serialVersionUID = 1L;

  public CassetteMissException(String where, String hash) {
    super(
        "the cassette has no answer for "
            + where
            + " (request "
            + hash
            + "); it was recorded with other prompts, model or settings — record it again with"
            + " --record");
  }
}

package dev.peerwatch.agents.mind.llm;

/**
 * A model call failed for good: retries are spent, the endpoint refused the request, or a replayed
 * cassette lacks it. The message is one line a user can act on and never contains the API key.
 */
public class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmException(String message) {
    super(message);
  }
}

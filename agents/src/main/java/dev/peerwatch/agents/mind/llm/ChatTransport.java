package dev.peerwatch.agents.mind.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * Carries chat-completions requests to a model and back: over HTTP, or from a cassette. Completes
 * exceptionally only with an {@link LlmException} (one line, no key), never hangs: every call ends
 * in an answer or an error within its timeouts and retries.
 */
public interface ChatTransport extends AutoCloseable {
  /**
   * A request: the JSON body as sent, and who sends it for messages (e.g. {@code episode
   * tampering/peer/good_peer/memory/factual@80#3, turn 5}).
   */
  record Request(ObjectNode body, String where) {
    /** The canonical text of the body: what is sent and what is hashed. */
    public String canonical() {
      return Canonical.text(body);
    }
  }

  /**
   * An answer: the response body as JSON, or a text node holding the raw body when it was not JSON
   * (a malformed answer the caller counts as an incomplete episode).
   */
  record Reply(JsonNode body) {}

  /**
   * Sends {@code request}; completes with its reply. The request's canonical text is taken before
   * this returns, so the caller may go on changing the body's nodes afterwards.
   */
  CompletableFuture<Reply> send(Request request);

  @Override
  void close();
}

package io.coralbank.idempotency;

import java.util.Arrays;

/** What a request learns when it presents its idempotency key. */
public sealed interface Claim {

  /**
   * What a request learns from a first request that has finished: its response if the two requests
   * are the same (their hashes match), a refusal otherwise.
   */
  static Claim afterFirst(byte[] firstHash, StoredResponse firstResponse, byte[] requestHash) {
    return Arrays.equals(firstHash, requestHash)
        ? new Replay(firstResponse)
        : new ReusedWithDifferentRequest();
  }

  /** The key is new: this request executes, and its response will be stored. */
  record Granted() implements Claim {}

  /** The same request ran before: answer with its response. */
  record Replay(StoredResponse response) implements Claim {}

  /** The key was used with a different request. */
  record ReusedWithDifferentRequest() implements Claim {}

  /** The first request with this key is still running. */
  record InProgress() implements Claim {}
}

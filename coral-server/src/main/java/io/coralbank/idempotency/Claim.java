package io.coralbank.idempotency;

/** What a request learns when it presents its idempotency key. */
public sealed interface Claim {

  /** The key is new: this request executes, and its response will be stored. */
  record Granted() implements Claim {}

  /** The same request ran before: answer with its response. */
  record Replay(StoredResponse response) implements Claim {}

  /** The key was used with a different request. */
  record ReusedWithDifferentRequest() implements Claim {}

  /** The first request with this key is still running. */
  record InProgress() implements Claim {}
}

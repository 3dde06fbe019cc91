package io.coralbank.ledger;

/**
 * The ledger could not commit a batch. Nothing of the batch was applied; retrying with the same
 * transfer ids is safe.
 */
public class LedgerUnavailableException extends RuntimeException {

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

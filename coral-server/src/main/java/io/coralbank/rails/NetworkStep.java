package io.coralbank.rails;

/** What a network does next with a payment it holds. */
public enum NetworkStep {
  /** The beneficiary bank accepts the payment: the money leaves. */
  SETTLE,
  /** The beneficiary bank rejects the payment: the money stays. */
  FAIL,
  /** The beneficiary bank sends a settled payment back: the money returns. */
  RETURN
}

package io.coralbank.payments;

/** Where an outbound payment is in its life. */
public enum PaymentStatus {
  /** Accepted; the amount is held on the debtor's account while the network decides. */
  PENDING,
  /** The network settled it: the held amount left the account. */
  COMPLETED,
  /** The network rejected it: the hold was released and nothing left the account. */
  FAILED,
  /** It settled, and the beneficiary bank later sent it back: the money returned. */
  REVERSED,
  /** The customer canceled it while pending: the hold was released. */
  CANCELED
}

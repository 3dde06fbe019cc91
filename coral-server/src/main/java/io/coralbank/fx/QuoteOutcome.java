package io.coralbank.fx;

/** What a request for a quote came to. */
public sealed interface QuoteOutcome {

  record Quoted(FxQuote quote) implements QuoteOutcome {}

  /** Too large for an automatic quote: the dealing desk will price it. */
  record Referred(FxReferral referral) implements QuoteOutcome {}

  /** No rate is known for the pair, directly, inversely or through USD. */
  record NoRate() implements QuoteOutcome {}
}

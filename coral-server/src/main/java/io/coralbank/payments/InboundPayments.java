package io.coralbank.payments;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.accounts.Rail;
import io.coralbank.events.DomainEvent;
import io.coralbank.events.Events;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import org.springframework.stereotype.Service;

/**
 * Money arriving from an external bank. The bank's SWIFT clearing account for the currency pays the
 * customer's account, as the real inbound payment would settle: one ledger transaction, with BCB's
 * transaction code {@code ACRT} (account credit).
 */
@Service
public class InboundPayments {

  public static final String ACCOUNT_CREDIT_CODE = "ACRT";

  private final Accounts accounts;
  private final Ledger ledger;
  private final Events events;

  InboundPayments(Accounts accounts, Ledger ledger, Events events) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.events = events;
  }

  /**
   * Credits {@code amount} minor units to {@code account}.
   *
   * @param transferId the caller's id for this credit; the same id again moves nothing twice
   */
  public TransferResult credit(Account account, long amount, String reference, String transferId) {
    Account clearing = accounts.bankAccount(AccountKind.CLEARING, account.currency(), Rail.SWIFT);
    TransferResult result =
        ledger.submit(
            new TransferRequest(
                new TransferCommand.Posting(
                    transferId, clearing.id(), account.id(), account.currency(), amount, false),
                ACCOUNT_CREDIT_CODE,
                reference));
    // Subscribers hear of the deposit once: a retry that found it applied already stays quiet.
    if (result instanceof TransferResult.Applied) {
      events.publish(
          new DomainEvent(
              account.customerId(), DomainEvent.Subject.DEPOSIT, transferId, "CREDITED"));
    }
    return result;
  }
}

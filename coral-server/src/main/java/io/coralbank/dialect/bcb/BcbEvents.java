package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Accounts;
import io.coralbank.events.DomainEvent;
import io.coralbank.events.EventRenderer;
import io.coralbank.events.RenderedEvent;
import io.coralbank.jobs.Job;
import io.coralbank.jobs.Jobs;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.LedgerReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * BCB's notifications: a deposit to one of the customer's accounts becomes the documented
 * NotificationResponse for the {@code Deposits} topic, and a finished background job becomes the
 * {@code job.status} callback sent to the URL the job was created with.
 */
@Component
class BcbEvents implements EventRenderer {

  static final String DIALECT = "bcb";
  static final String DEPOSITS = "Deposits";
  static final String JOB_STATUS = "job.status";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LedgerReader ledger;
  private final Accounts accounts;
  private final AssetCatalogue assets;
  private final Jobs jobs;

  BcbEvents(LedgerReader ledger, Accounts accounts, AssetCatalogue assets, Jobs jobs) {
    this.ledger = ledger;
    this.accounts = accounts;
    this.assets = assets;
    this.jobs = jobs;
  }

  @Override
  public Optional<RenderedEvent> render(DomainEvent event, Instant at) {
    return switch (event.subject()) {
      case DEPOSIT -> deposit(event);
      case JOB -> job(event);
      case PAYMENT, PAYMENT_INTENT -> Optional.empty();
    };
  }

  private Optional<RenderedEvent> deposit(DomainEvent event) {
    return ledger
        .transfer(event.subjectId())
        .flatMap(
            transfer ->
                accounts
                    .findForCustomer(
                        event.customerId(),
                        accounts
                            .numbersOf(java.util.List.of(transfer.creditAccountId()))
                            .get(transfer.creditAccountId()))
                    .map(
                        account -> {
                          Map<String, Object> body = new LinkedHashMap<>();
                          // Filled per subscription when delivered: see BcbWebhookSigner.
                          body.put("subscriptionId", null);
                          body.put("topic", DEPOSITS);
                          body.put("accountNumber", account.number());
                          body.put("transactionId", transfer.transactionId());
                          body.put("type", "Credit");
                          body.put(
                              "value",
                              Map.of(
                                  "amount",
                                  Amounts.format(
                                      transfer.amount(),
                                      assets.find(transfer.assetCode()).orElseThrow()),
                                  "currency",
                                  transfer.assetCode()));
                          body.put("transactionType", "Swift payment");
                          body.put(
                              "transactionDetails",
                              transfer.description() == null
                                  ? "Payment details"
                                  : transfer.description());
                          return new RenderedEvent(
                              DIALECT,
                              UUID.randomUUID().toString(),
                              DEPOSITS,
                              transfer.transactionId(),
                              JSON.writeValueAsString(body));
                        }));
  }

  private Optional<RenderedEvent> job(DomainEvent event) {
    UUID jobId = UUID.fromString(event.subjectId());
    Optional<String> endpoint = jobs.callbackEndpointOf(jobId);
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    Job job = jobs.find(event.customerId(), jobId).orElseThrow();
    String payload = JSON.writeValueAsString(JobsController.view(job));
    return Optional.of(
        new RenderedEvent(
            DIALECT,
            UUID.randomUUID().toString(),
            JOB_STATUS,
            job.id().toString(),
            payload,
            endpoint.get()));
  }
}

package io.coralbank.dialect.bcb;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The shapes of BCB's virtual-account and background-job endpoints. */
final class VirtualAccountViews {

  private VirtualAccountViews() {}

  /** {@code POST /v1/virtual-accounts}. */
  record CreateRequest(List<Item> items, String callbackUrl, Map<String, String> customHeaders) {}

  /** One Sub account to open. */
  record Item(
      String currency,
      String accountHolderName,
      String accountName,
      String clientReference,
      Boolean unallocated,
      String dob,
      String nativeLanguageName) {}

  /** The 202 answer: the job that will open the accounts. */
  record JobAccepted(String jobId, String status, String statusUrl, String resultUrl) {}

  record Summary(int total, int completed, int failed) {}

  /** A job as {@code GET /v1/jobs} and {@code GET /v1/jobs/{jobId}} show it. */
  record JobView(
      String jobId,
      String status,
      String eventType,
      Summary summary,
      String createdAt,
      String updatedAt) {}

  /** One item's result: {@code resultJson} (a JSON string) on success, {@code error} otherwise. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record JobResult(
      int itemIndex, String status, Integer httpStatus, Object error, String resultJson) {}

  /** A Settlement, Parent or Sub account of the virtual-account service. */
  record VirtualAccount(
      String virtualAccountNumber,
      String category,
      String currency,
      AccountViews.Amount balance,
      String status,
      String accountHolderName,
      String accountName,
      String clientReference,
      String dob,
      String nativeLanguageName,
      Boolean unallocated,
      AccountViews.AccountReference parentAccount,
      AccountViews.AccountReference settlementAccount) {}

  /** {@code PATCH /v1/virtual-accounts/{n}}: only the fields sent change. */
  record UpdateRequest(
      String clientReference,
      String accountHolderName,
      String accountName,
      String dob,
      String nativeLanguageName) {}

  /** {@code POST .../transfers/credit}: the Sub account is the route's. */
  record CreditRequest(
      String creditAccountNumber,
      String creditAmountCurrency,
      tools.jackson.databind.JsonNode creditAmount,
      String endToEndIdentification,
      String remittanceInformation) {}

  /** {@code POST .../transfers/debit}: the Sub account is the route's. */
  record DebitRequest(
      String debitAccountNumber,
      String debitAmountCurrency,
      tools.jackson.databind.JsonNode debitAmount,
      String endToEndIdentification,
      String remittanceInformation) {}
}

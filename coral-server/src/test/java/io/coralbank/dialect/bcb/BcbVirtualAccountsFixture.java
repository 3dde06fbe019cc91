package io.coralbank.dialect.bcb;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * What the BCB virtual-account tests share: a corporate customer with its hierarchy, and helpers.
 */
abstract class BcbVirtualAccountsFixture extends HttpIntegrationTest {

  record Corporate(String id, String token, String settlement, String parent) {}

  Corporate corporate(String permissions) {
    String id = newCustomer();
    String token = bcbToken(newCredentials(id, "bcb", permissions));
    return new Corporate(
        id,
        token,
        openAccount(id, "USD", "SETTLEMENT", "1000.00"),
        openAccount(id, "USD", "PARENT", null));
  }

  HttpResponse<String> call(Corporate caller, String method, String path, String body) {
    return callBcb(caller.token(), method, path, body);
  }

  /** Creates accounts as a client would: waits out BCB's global pace of one request per 2 s. */
  HttpResponse<String> create(Corporate caller, String body) {
    HttpResponse<String> response = call(caller, "POST", "/v1/virtual-accounts", body);
    for (int attempt = 0; attempt < 5 && response.statusCode() == 429; attempt++) {
      sleep(2100);
      response = call(caller, "POST", "/v1/virtual-accounts", body);
    }
    return response;
  }

  JsonNode awaitJob(Corporate caller, String jobId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode job = body(call(caller, "GET", "/v1/jobs/" + jobId, null));
    while (job.path("status").asString().matches("Pending|InProgress")
        && System.nanoTime() < deadline) {
      sleep(100);
      job = body(call(caller, "GET", "/v1/jobs/" + jobId, null));
    }
    return job;
  }

  String openSub(Corporate caller, String holder) {
    JsonNode accepted =
        body(
            create(
                caller,
                "{\"items\": [{\"currency\": \"USD\", \"accountHolderName\": \""
                    + holder
                    + "\", \"accountName\": \""
                    + holder
                    + "\", \"clientReference\": \"USER-1\"}]}"));
    awaitJob(caller, accepted.path("jobId").asString());
    JsonNode result =
        body(call(
                caller, "GET", "/v1/jobs/" + accepted.path("jobId").asString() + "/results", null))
            .path("data")
            .get(0);
    return json.readTree(result.path("resultJson").asString())
        .path("virtualAccountNumber")
        .asString();
  }

  String posted(String number) {
    return body(admin("GET", "/admin/v1/accounts/" + number, null))
        .path("balance")
        .path("posted")
        .asString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}

package io.coralbank.dialect.bcb;

import io.coralbank.web.PublicEndpoint;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A list endpoint in BCB's response shape that offers JSON and CSV, as BCB's list endpoints will.
 * Exists only in tests, to exercise content negotiation before those endpoints exist.
 */
@RestController
class BcbCsvProbeController {

  record Pagination(int page_start, int page_size, int total_size, String page_token) {}

  record Meta(Pagination pagination) {}

  record Amount(String amount, String currency) {}

  record Attribute(String name, String value) {}

  record Account(
      String number, Amount balance, List<String> owners, List<Attribute> accountAttributes) {}

  record AccountList(Meta meta, List<Account> data) {}

  @PublicEndpoint
  @GetMapping(
      path = "/test-probe/accounts",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  AccountList accounts() {
    return new AccountList(
        new Meta(new Pagination(1, 100, 2, "token")),
        List.of(
            new Account(
                "1000000017",
                new Amount("1250.00", "USD"),
                List.of("Acme Trading Ltd", "Jane Doe"),
                List.of(new Attribute("STATUS", "ACTIVE"), new Attribute("HOLD", "0.00"))),
            new Account(
                "1000000025",
                new Amount("3.10", "BMD"),
                List.of("Acme Trading Ltd"),
                List.of(new Attribute("STATUS", "BLOCKED"), new Attribute("HOLD", "1.00")))));
  }
}

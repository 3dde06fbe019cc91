package io.coralbank.dialect.admin;

import io.coralbank.customers.Customer;
import io.coralbank.customers.CustomerType;
import io.coralbank.customers.Customers;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creates and reads customers. */
@RestController
class CustomersController {

  private final Customers customers;

  CustomersController(Customers customers) {
    this.customers = customers;
  }

  @PostMapping(
      path = "/v1/customers",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  CustomerResponse create(@RequestBody CustomerRequest request) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty()) {
      throw AdminProblem.badRequest("name_required", "name is required.");
    }
    if (name.length() > Customers.MAXIMUM_NAME_LENGTH) {
      throw AdminProblem.badRequest(
          "name_too_long", "name has at most " + Customers.MAXIMUM_NAME_LENGTH + " characters.");
    }
    CustomerType type =
        Arrays.stream(CustomerType.values())
            .filter(candidate -> candidate.name().equals(request.type()))
            .findFirst()
            .orElseThrow(
                () ->
                    AdminProblem.badRequest(
                        "type_must_be_corporate_or_individual",
                        "type must be CORPORATE or INDIVIDUAL."));
    return render(customers.create(name, type));
  }

  @GetMapping(path = "/v1/customers/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
  CustomerResponse find(@PathVariable String customerId) {
    return parseId(customerId)
        .flatMap(customers::find)
        .map(CustomersController::render)
        .orElseThrow(() -> customerNotFound(customerId));
  }

  static Optional<UUID> parseId(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  static AdminProblem customerNotFound(String customerId) {
    return AdminProblem.notFound(
        "customer_not_found", "No customer has the id " + customerId + ".");
  }

  private static CustomerResponse render(Customer customer) {
    return new CustomerResponse(
        customer.id().toString(),
        customer.name(),
        customer.type().name(),
        customer.createdAt().toString());
  }
}

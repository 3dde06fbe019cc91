package io.coralbank.dialect.admin;

import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientCreation;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.ClientRejection;
import io.coralbank.identity.IssuedCredentials;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creates dialect credentials for a customer. */
@RestController
class CredentialsController {

  private final ApiClients clients;

  CredentialsController(ApiClients clients) {
    this.clients = clients;
  }

  @PostMapping(
      path = "/v1/customers/{customerId}/credentials",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  CredentialsResponse create(
      @PathVariable String customerId, @RequestBody CredentialsRequest request) {
    UUID customer =
        CustomersController.parseId(customerId)
            .orElseThrow(() -> CustomersController.customerNotFound(customerId));
    ClientDialect dialect =
        ClientDialect.named(request.dialect())
            .orElseThrow(
                () ->
                    AdminProblem.badRequest(
                        "dialect_must_be_bcb_cayman_or_vaultspay",
                        "dialect must be bcb, cayman or vaultspay."));
    return switch (clients.create(
        customer, dialect, request.permissions(), request.ipAllowList())) {
      case ClientCreation.Created created -> render(dialect, created.credentials());
      case ClientCreation.Refused refused -> throw problem(refused.rejection(), customerId);
    };
  }

  private static AdminProblem problem(ClientRejection rejection, String customerId) {
    return switch (rejection) {
      case CUSTOMER_MUST_EXIST, SOURCE_CLIENT_MUST_EXIST ->
          CustomersController.customerNotFound(customerId);
      case PERMISSIONS_MUST_BE_IN_THE_CATALOGUE ->
          AdminProblem.badRequest(
              rejection.code(),
              "Every permission must be one of the dialect's (docs/api/permissions.md).");
      case IP_ALLOW_LIST_ENTRIES_MUST_BE_ADDRESSES_OR_CIDR_BLOCKS ->
          AdminProblem.badRequest(
              rejection.code(), "Every ipAllowList entry must be an IP address or a CIDR block.");
    };
  }

  private static CredentialsResponse render(ClientDialect dialect, IssuedCredentials issued) {
    String clientId = issued.client().clientId().toString();
    return switch (dialect) {
      case BCB ->
          new CredentialsResponse(
              clientId,
              issued.secret(),
              issued.signingSecret(),
              null,
              issued.client().permissions());
      case CAYMAN ->
          new CredentialsResponse(null, null, null, issued.secret(), issued.client().permissions());
      case VAULTSPAY ->
          new CredentialsResponse(
              clientId, issued.secret(), null, null, issued.client().permissions());
    };
  }
}

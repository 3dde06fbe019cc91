package io.coralbank.dialect.bcb;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.coralbank.identity.ApiClient;
import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientCreation;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.ClientRejection;
import io.coralbank.identity.IssuedCredentials;
import io.coralbank.identity.PermissionCatalogue;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's credentials API. Every client it names is looked up within the caller's customer: a client
 * of another customer is 404, exactly like one that does not exist.
 */
@RestController
class CredentialsController {

  private final ApiClients clients;

  CredentialsController(ApiClients clients) {
    this.clients = clients;
  }

  /**
   * {@code POST /v1/credentials}.
   *
   * @param sourceClientId the client whose permissions to copy; the caller's own when absent
   * @param ipAllowList addresses and CIDR blocks; the source's list when absent
   */
  record CreateRequest(String sourceClientId, List<String> ipAllowList) {}

  /** The new client; {@code clientSecret} and {@code messageSigningSecret} are shown once. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Credentials(
      String clientId,
      String clientSecret,
      String messageSigningSecret,
      List<String> permissions,
      List<String> ipAllowList) {}

  /** A rotated secret, shown once. */
  record RotatedSecret(String clientId, String clientSecret) {}

  /** A disabled client. */
  record DisabledClient(String clientId, String status) {}

  /** One permission of a client. */
  record PermissionView(String key, String description) {}

  /** A client's permissions, sorted by key. */
  record Permissions(String clientId, List<PermissionView> permissions) {}

  @RequiresPermission("manage-credentials")
  @PostMapping(
      path = "/v1/credentials",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Credentials create(@RequestBody(required = false) CreateRequest request, Caller caller) {
    CreateRequest body = request == null ? new CreateRequest(null, null) : request;
    UUID source =
        body.sourceClientId() == null
            ? caller.clientId()
            : parse(body.sourceClientId()).orElseThrow(CredentialsController::notFound);
    return switch (clients.createFrom(caller.customerId(), source, body.ipAllowList())) {
      case ClientCreation.Created created -> render(created.credentials());
      case ClientCreation.Refused refused -> throw refusal(refused.rejection());
    };
  }

  private static RequestRefused refusal(ClientRejection rejection) {
    return switch (rejection) {
      case SOURCE_CLIENT_MUST_EXIST, CUSTOMER_MUST_EXIST -> notFound();
      case PERMISSIONS_MUST_BE_IN_THE_CATALOGUE ->
          new RequestRefused(
              FailureKind.MALFORMED_REQUEST, "The source client's permissions are unknown.");
      case IP_ALLOW_LIST_ENTRIES_MUST_BE_ADDRESSES_OR_CIDR_BLOCKS ->
          new RequestRefused(
              FailureKind.MALFORMED_REQUEST,
              "Every ipAllowList entry must be an IP address or a CIDR block.");
    };
  }

  @RequiresPermission("manage-credentials")
  @PatchMapping(path = "/v1/credentials/{clientId}", produces = MediaType.APPLICATION_JSON_VALUE)
  RotatedSecret rotate(@PathVariable String clientId, Caller caller) {
    UUID id = parse(clientId).orElseThrow(CredentialsController::notFound);
    String secret =
        clients.rotateSecret(caller.customerId(), id).orElseThrow(CredentialsController::notFound);
    return new RotatedSecret(id.toString(), secret);
  }

  @RequiresPermission("manage-credentials")
  @DeleteMapping(path = "/v1/credentials/{clientId}", produces = MediaType.APPLICATION_JSON_VALUE)
  DisabledClient disable(@PathVariable String clientId, Caller caller) {
    UUID id = parse(clientId).orElseThrow(CredentialsController::notFound);
    if (!clients.disable(caller.customerId(), id)) {
      throw notFound();
    }
    return new DisabledClient(id.toString(), "Disabled");
  }

  @RequiresPermission("manage-credentials")
  @GetMapping(
      path = "/v1/credentials/{clientId}/permissions",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  Permissions permissions(@PathVariable String clientId, Caller caller) {
    ApiClient client =
        parse(clientId)
            .flatMap(id -> clients.find(caller.customerId(), id))
            .orElseThrow(CredentialsController::notFound);
    return new Permissions(
        client.clientId().toString(),
        client.permissions().stream()
            .sorted()
            .map(
                key ->
                    new PermissionView(
                        key,
                        PermissionCatalogue.find(ClientDialect.BCB, key)
                            .map(permission -> permission.description())
                            .orElse("")))
            .toList());
  }

  private static Credentials render(IssuedCredentials issued) {
    return new Credentials(
        issued.client().clientId().toString(),
        issued.secret(),
        issued.signingSecret(),
        issued.client().permissions(),
        issued.client().ipAllowList());
  }

  private static Optional<UUID> parse(String clientId) {
    try {
      return Optional.of(UUID.fromString(clientId));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  private static RequestRefused notFound() {
    return new RequestRefused(FailureKind.ROUTE_NOT_FOUND, "Client not found");
  }
}

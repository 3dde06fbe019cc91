package io.coralbank.identity;

import io.coralbank.customers.Customers;
import io.coralbank.platform.UnscopedLookup;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates, authenticates, rotates and disables API clients. Every lookup a dialect can reach takes
 * the caller's customer: another customer's client is not found, and nothing tells the two apart.
 */
@Service
public class ApiClients {

  private static final String COLUMNS =
      "client_id, customer_id, dialect, permissions, ip_allow_list, status, created_at";
  private static final RowMapper<ApiClient> CLIENT =
      (row, number) ->
          new ApiClient(
              row.getObject("client_id", UUID.class),
              row.getObject("customer_id", UUID.class),
              ClientDialect.valueOf(row.getString("dialect")),
              strings(row.getArray("permissions")),
              strings(row.getArray("ip_allow_list")),
              ClientStatus.valueOf(row.getString("status")),
              row.getObject("created_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;
  private final Customers customers;
  private final Secrets secrets;
  private final SecretBox secretBox;
  private final Clock clock;
  private final ClientCache cache;

  ApiClients(
      JdbcClient jdbc,
      Customers customers,
      Secrets secrets,
      SecretBox secretBox,
      Clock clock,
      ClientCache cache) {
    this.cache = cache;
    this.jdbc = jdbc;
    this.customers = customers;
    this.secrets = secrets;
    this.secretBox = secretBox;
    this.clock = clock;
  }

  /**
   * Creates a client of {@code customerId}.
   *
   * @param permissions null for every permission of the dialect
   * @param ipAllowList null for any address
   */
  @Transactional
  public ClientCreation create(
      UUID customerId, ClientDialect dialect, List<String> permissions, List<String> ipAllowList) {
    if (!customers.exists(customerId)) {
      return new ClientCreation.Refused(ClientRejection.CUSTOMER_MUST_EXIST);
    }
    List<String> granted =
        permissions == null
            ? PermissionCatalogue.of(dialect).stream().map(Permission::key).toList()
            : List.copyOf(new TreeSet<>(permissions));
    if (granted.stream().anyMatch(key -> PermissionCatalogue.find(dialect, key).isEmpty())) {
      return new ClientCreation.Refused(ClientRejection.PERMISSIONS_MUST_BE_IN_THE_CATALOGUE);
    }
    if (ipAllowList != null && !ipAllowList.stream().allMatch(IpAllowList::isValidEntry)) {
      return new ClientCreation.Refused(
          ClientRejection.IP_ALLOW_LIST_ENTRIES_MUST_BE_ADDRESSES_OR_CIDR_BLOCKS);
    }
    return new ClientCreation.Created(insert(customerId, dialect, granted, ipAllowList));
  }

  /**
   * Creates a client with the permissions of {@code sourceClientId}, which must belong to {@code
   * customerId} and to the same dialect.
   *
   * @param ipAllowList null to inherit the source's list
   */
  @Transactional
  public ClientCreation createFrom(UUID customerId, UUID sourceClientId, List<String> ipAllowList) {
    Optional<ApiClient> source = find(customerId, sourceClientId);
    if (source.isEmpty()) {
      return new ClientCreation.Refused(ClientRejection.SOURCE_CLIENT_MUST_EXIST);
    }
    List<String> addresses = ipAllowList == null ? source.get().ipAllowList() : ipAllowList;
    return create(customerId, source.get().dialect(), source.get().permissions(), addresses);
  }

  /**
   * Creates a client with a chosen id and secret and every permission of its dialect. Only for the
   * sandbox's demo data, whose credentials are published in the README; a real client always gets a
   * generated secret.
   */
  @Transactional
  public void createDemoClient(
      UUID customerId, ClientDialect dialect, UUID clientId, String secret) {
    insert(
        customerId,
        dialect,
        PermissionCatalogue.of(dialect).stream().map(Permission::key).toList(),
        null,
        clientId,
        secret);
  }

  private IssuedCredentials insert(
      UUID customerId, ClientDialect dialect, List<String> permissions, List<String> allowList) {
    UUID clientId = UUID.randomUUID();
    String secret =
        dialect == ClientDialect.CAYMAN ? secrets.newApiKey(clientId) : secrets.newClientSecret();
    return insert(customerId, dialect, permissions, allowList, clientId, secret);
  }

  private IssuedCredentials insert(
      UUID customerId,
      ClientDialect dialect,
      List<String> permissions,
      List<String> allowList,
      UUID clientId,
      String secret) {
    String signingSecret = dialect == ClientDialect.BCB ? secrets.newSigningSecret() : null;
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            insert into api_clients
                   (client_id, customer_id, dialect, permissions, ip_allow_list, status,
                    secret_hash, signing_secret_encrypted, created_at, secret_rotated_at)
            values (:id, :customer, :dialect, :permissions, :allowList, 'ACTIVE', :hash,
                    :signing, :now, :now)
            """)
        .param("id", clientId)
        .param("customer", customerId)
        .param("dialect", dialect.name())
        .param("permissions", permissions.toArray(String[]::new))
        .param("allowList", allowList == null ? null : allowList.toArray(String[]::new))
        .param("hash", secrets.hash(secret))
        .param(
            "signing",
            signingSecret == null
                ? null
                : secretBox.encrypt(
                    signingSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .param("now", now)
        .update();
    return new IssuedCredentials(find(customerId, clientId).orElseThrow(), secret, signingSecret);
  }

  /**
   * The client's BCB message signing secret, still encrypted: what signs the notifications and
   * callbacks its customer receives. Empty for another customer's client or one without a secret.
   */
  public Optional<byte[]> signingSecretEncrypted(UUID customerId, UUID clientId) {
    return jdbc.sql(
            "select signing_secret_encrypted from api_clients where client_id = :id and customer_id ="
                + " :customer and signing_secret_encrypted is not null")
        .param("id", clientId)
        .param("customer", customerId)
        .query(byte[].class)
        .optional();
  }

  /** The client, if it exists and belongs to {@code customerId}. */
  public Optional<ApiClient> find(UUID customerId, UUID clientId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from api_clients where client_id = :id and customer_id = :customer")
        .param("id", clientId)
        .param("customer", customerId)
        .query(CLIENT)
        .optional();
  }

  /**
   * The active client of {@code dialect} whose secret is {@code secret}, for logging in. A wrong
   * secret, an unknown or disabled client, and a client of another dialect all look the same.
   */
  public Optional<ApiClient> authenticate(ClientDialect dialect, UUID clientId, String secret) {
    record Candidate(ApiClient client, String hash) {}
    Optional<Candidate> candidate =
        jdbc.sql("select " + COLUMNS + ", secret_hash from api_clients where client_id = :id")
            .param("id", clientId)
            .query(
                (row, number) ->
                    new Candidate(CLIENT.mapRow(row, number), row.getString("secret_hash")))
            .optional();
    return candidate
        .filter(found -> found.client().dialect() == dialect)
        .filter(found -> found.client().status() == ClientStatus.ACTIVE)
        .filter(found -> secrets.matches(secret, found.hash()))
        .map(Candidate::client);
  }

  /**
   * A login of {@code dialect}: the client id as the caller wrote it, its secret, and the address
   * it calls from. The allow-list is checked only after the secret, so a wrong secret learns
   * nothing about the list.
   */
  public LoginOutcome login(
      ClientDialect dialect, String clientId, String secret, String remoteAddress) {
    Optional<ApiClient> client;
    try {
      client = authenticate(dialect, UUID.fromString(clientId), secret);
    } catch (IllegalArgumentException | NullPointerException notAClientId) {
      return new LoginOutcome.WrongCredentials();
    }
    if (client.isEmpty()) {
      return new LoginOutcome.WrongCredentials();
    }
    if (!client.get().allowsAddress(remoteAddress)) {
      return new LoginOutcome.AddressNotAllowed();
    }
    return new LoginOutcome.LoggedIn(client.get());
  }

  /** The client behind a token, whatever its customer: the token already names the customer. */
  @UnscopedLookup
  public Optional<ApiClient> findForToken(UUID clientId) {
    return cache.find(
        clientId,
        id ->
            jdbc.sql("select " + COLUMNS + " from api_clients where client_id = :id")
                .param("id", id)
                .query(CLIENT)
                .optional());
  }

  /**
   * The cache hears of every change through the database a few milliseconds after its commit; a
   * change made here is forgotten in this process as soon as it commits, so that the next request
   * to this process sees it.
   */
  private void forgetWhenCommitted(UUID clientId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              cache.forget(clientId);
            }
          });
    } else {
      cache.forget(clientId);
    }
  }

  /** A new secret for an active client of {@code customerId}; the old one stops working now. */
  @Transactional
  public Optional<String> rotateSecret(UUID customerId, UUID clientId) {
    Optional<ApiClient> client = find(customerId, clientId);
    if (client.isEmpty() || client.get().status() != ClientStatus.ACTIVE) {
      return Optional.empty();
    }
    String secret =
        client.get().dialect() == ClientDialect.CAYMAN
            ? secrets.newApiKey(clientId)
            : secrets.newClientSecret();
    // Only while still active: a client disabled after the read above keeps its old secret, and
    // the caller is told there is no active client to rotate, as it would have been a moment later.
    int rotated =
        jdbc.sql(
                "update api_clients set secret_hash = :hash, secret_rotated_at = :now"
                    + " where client_id = :id and status = 'ACTIVE'")
            .param("hash", secrets.hash(secret))
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("id", clientId)
            .update();
    if (rotated == 0) {
      return Optional.empty();
    }
    forgetWhenCommitted(clientId);
    return Optional.of(secret);
  }

  /**
   * Disables a client of {@code customerId}: it can no longer log in and every token issued to it
   * stops working at once. Disabling a disabled client succeeds.
   *
   * @return false when the client does not exist for this customer
   */
  @Transactional
  public boolean disable(UUID customerId, UUID clientId) {
    forgetWhenCommitted(clientId);
    return jdbc.sql(
                "update api_clients set status = 'DISABLED',"
                    + " disabled_at = coalesce(disabled_at, :now)"
                    + " where client_id = :id and customer_id = :customer")
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("id", clientId)
            .param("customer", customerId)
            .update()
        == 1;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? null : Arrays.asList((String[]) array.getArray());
  }
}

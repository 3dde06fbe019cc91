package io.coralbank.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A server remembers the clients that authenticate its requests and must still refuse a disabled
 * client everywhere within moments, whoever disabled it. Changes here are made in SQL, outside this
 * server's code, as another server process (or an operator) would make them. Two tests switch the
 * announcing trigger off for a moment; test classes run one after another, so no other test's
 * change goes unannounced.
 */
class ClientCacheTest extends HttpIntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aClientDisabledByAnotherProcessIsRefusedAsSoonAsTheChangeIsAnnounced() {
    Client client = rememberedClient();

    setStatus(client.id(), "DISABLED");

    assertThat(eventually(() -> statusOfACall(client), 401)).isEqualTo(401);
  }

  @Test
  void aRememberedClientIsNotReadAgainUntilAChangeIsAnnounced() {
    Client client = rememberedClient();

    // Without the announcement the server cannot know: this shows that it answers from memory,
    // and that the trigger is what keeps that memory true.
    withoutAnnouncements(() -> setStatus(client.id(), "DISABLED"));

    assertThat(statusOfACall(client)).isEqualTo(200);
    setStatus(client.id(), "DISABLED"); // the same value again, announced this time
    assertThat(eventually(() -> statusOfACall(client), 401)).isEqualTo(401);
  }

  @Test
  void aChangeMadeWhileTheServerWasNotListeningIsNotMissed() {
    Client client = rememberedClient();
    int listenersBefore = listeningSessions();

    withoutAnnouncements(
        () -> {
          jdbc.sql(
                  "select pg_terminate_backend(pid) from pg_stat_activity"
                      + " where datname = current_database()"
                      + " and application_name = 'coral-notifications'")
              .query(Boolean.class)
              .list();
          setStatus(client.id(), "DISABLED");
        });

    assertThat(listenersBefore).isEqualTo(1);
    assertThat(eventually(this::listeningSessions, 1)).isEqualTo(1);
    assertThat(eventually(() -> statusOfACall(client), 401)).isEqualTo(401);
  }

  private record Client(UUID id, String token) {}

  /** A client whose token has been used once, so the server remembers the client. */
  private Client rememberedClient() {
    JsonNode credentials = newCredentials(newCustomer(), "bcb", null);
    Client client =
        new Client(UUID.fromString(credentials.path("clientId").asString()), bcbToken(credentials));
    // The listening connection starts with the server; wait until it is there so the client is
    // in fact remembered.
    eventually(this::listeningSessions, 1);
    assertThat(statusOfACall(client)).isEqualTo(200);
    assertThat(statusOfACall(client)).isEqualTo(200);
    return client;
  }

  private int statusOfACall(Client client) {
    return callBcb(client.token(), "GET", "/v1/accounts", null).statusCode();
  }

  private void setStatus(UUID clientId, String status) {
    jdbc.sql("update api_clients set status = :status where client_id = :id")
        .param("status", status)
        .param("id", clientId)
        .update();
  }

  private void withoutAnnouncements(Runnable change) {
    jdbc.sql("alter table api_clients disable trigger api_client_changed").update();
    try {
      change.run();
    } finally {
      jdbc.sql("alter table api_clients enable trigger api_client_changed").update();
    }
  }

  private int listeningSessions() {
    return listeningSessions(jdbc);
  }
}

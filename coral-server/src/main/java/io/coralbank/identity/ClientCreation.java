package io.coralbank.identity;

/** The answer to a request to create a client. */
public sealed interface ClientCreation {

  record Created(IssuedCredentials credentials) implements ClientCreation {}

  record Refused(ClientRejection rejection) implements ClientCreation {}
}

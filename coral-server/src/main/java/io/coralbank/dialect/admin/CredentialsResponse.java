package io.coralbank.dialect.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * New credentials in the admin contract's shape for the dialect: BCB {@code clientId}, {@code
 * clientSecret}, {@code messageSigningSecret}; Cayman {@code apiKey}; VaultsPay {@code clientId},
 * {@code clientSecret}; always {@code permissions}. Secrets are shown once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialsResponse(
    String clientId,
    String clientSecret,
    String messageSigningSecret,
    String apiKey,
    List<String> permissions) {}

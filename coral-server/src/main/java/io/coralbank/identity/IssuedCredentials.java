package io.coralbank.identity;

/**
 * A new client with the secrets shown to its owner once and never again.
 *
 * @param secret the client secret, or for key-based dialects the API key
 * @param signingSecret BCB's message signing secret (base64 of 32 bytes), else null
 */
public record IssuedCredentials(ApiClient client, String secret, String signingSecret) {}

package io.coralbank.dialect.cayman;

import java.util.List;

/** {@code POST /v1/webhooks/endpoints} and its update: {@code url} and {@code events}. */
public record WebhookEndpointRequest(String url, List<String> events) {}

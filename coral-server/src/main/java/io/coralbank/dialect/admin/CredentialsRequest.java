package io.coralbank.dialect.admin;

import java.util.List;

/**
 * {@code POST /admin/v1/customers/{customerId}/credentials}.
 *
 * @param dialect {@code bcb}, {@code cayman} or {@code vaultspay}
 * @param permissions absent means every permission of the dialect
 * @param ipAllowList absent means any address
 */
public record CredentialsRequest(
    String dialect, List<String> permissions, List<String> ipAllowList) {}

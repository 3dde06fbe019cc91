-- Module identity: VaultsPay refresh tokens. The token is "rt_<id>_<secret>"; only an Argon2id
-- hash of the secret is kept. A refresh token ends at its expiry or when its client is disabled.
create table refresh_tokens (
    id          uuid primary key,
    client_id   uuid not null references api_clients (client_id),
    secret_hash text not null,
    expires_at  timestamptz not null,
    created_at  timestamptz not null
);
create index refresh_tokens_by_client on refresh_tokens (client_id);

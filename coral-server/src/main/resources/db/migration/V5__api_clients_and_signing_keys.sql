-- Module identity: API clients of customers, one dialect each. Secrets are stored only as
-- Argon2id hashes; BCB's message signing secret must be usable for signing, so it is stored
-- encrypted (AES-256-GCM with CORAL_ENCRYPTION_KEY), never in clear.
create table api_clients (
    client_id                uuid primary key,
    customer_id              uuid not null references customers (id),
    dialect                  text not null check (dialect in ('BCB', 'CAYMAN', 'VAULTSPAY')),
    permissions              text[] not null,
    ip_allow_list            text[],
    status                   text not null check (status in ('ACTIVE', 'DISABLED')),
    secret_hash              text not null,
    signing_secret_encrypted bytea,
    created_at               timestamptz not null,
    secret_rotated_at        timestamptz not null,
    disabled_at              timestamptz
);
create index api_clients_by_customer on api_clients (customer_id);

-- Token signing keys generated in sandbox mode (production reads CORAL_JWT_KEYS_DIR). Kept here,
-- encrypted, so tokens survive a restart and every node signs with the same keys.
create table signing_keys (
    kid                   text primary key check (kid ~ '^rsa-[0-9]+$'),
    private_key_encrypted bytea not null,
    created_at            timestamptz not null
);

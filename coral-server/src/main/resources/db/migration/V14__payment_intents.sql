-- Module payments: payment intents, money a merchant (the customer) asks a payer for. The client
-- secret is given once and stored as a SHA-256 hash (it is 32 random bytes, so a fast hash is
-- enough). A card is never stored: only its brand and last four digits.
create table payment_intents (
    sequence               bigint generated always as identity unique,
    id                     text primary key,
    customer_id            uuid   not null references customers (id),
    amount                 bigint not null check (amount > 0),
    currency               text   not null,
    description            text,
    metadata               text   not null,
    status                 text   not null check (status in ('REQUIRES_PAYMENT_METHOD', 'PROCESSING',
                                                             'SUCCEEDED', 'FAILED', 'CANCELED')),
    client_secret_hash     bytea  not null,
    destination_account_id bigint not null references accounts (id),
    payment_method_type    text check (payment_method_type in ('card', 'wallet')),
    payer_account_id       bigint references accounts (id),
    card_brand             text,
    card_last4             text,
    card_outcome           text,
    transaction_id         text references ledger_transactions (id),
    failure_reason         text,
    settle_at              timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    check ((status = 'SUCCEEDED') = (transaction_id is not null)),
    check ((settle_at is null) or status = 'PROCESSING')
);
create index payment_intents_by_customer on payment_intents (customer_id, sequence);
create index payment_intents_processing on payment_intents (settle_at) where settle_at is not null;

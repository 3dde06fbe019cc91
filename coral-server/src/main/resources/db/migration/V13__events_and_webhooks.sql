-- Module events: the outbox. An event is written in the same transaction as the change it
-- reports, already rendered in its dialect's shape, so every delivery and every later read sends
-- the same bytes under the same stable id.
create table events (
    sequence    bigint generated always as identity unique,
    id          text primary key,
    customer_id uuid not null references customers (id),
    dialect     text not null,
    type        text not null,
    object_id   text not null,
    payload     text not null,
    created_at  timestamptz not null
);
create index events_by_customer on events (customer_id, dialect, sequence);

-- A customer's webhook endpoints, per dialect. The signing secret must be reused to sign, so it
-- is stored encrypted (CORAL_ENCRYPTION_KEY), never in the clear.
create table webhook_endpoints (
    sequence         bigint generated always as identity unique,
    id               text primary key,
    customer_id      uuid not null references customers (id),
    dialect          text not null,
    url              text not null,
    events           text[] not null,
    secret_encrypted bytea not null,
    deleted          boolean not null default false,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index webhook_endpoints_by_customer on webhook_endpoints (customer_id, dialect, sequence);

-- One row per event and endpoint: the delivery log. A PENDING delivery is due at
-- next_attempt_at; a dispatcher claims it by moving next_attempt_at past its own attempt, so two
-- server processes never send the same attempt.
create table webhook_deliveries (
    id               bigint generated always as identity primary key,
    event_id         text not null references events (id),
    endpoint_id      text not null references webhook_endpoints (id),
    status           text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (event_id, endpoint_id),
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';

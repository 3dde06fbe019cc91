-- Module events: every attempt of every delivery, for the operator's log: when, how long the
-- receiver took, and what it answered (or why there was no answer).
create table webhook_attempts (
    id          bigint generated always as identity primary key,
    delivery_id bigint not null references webhook_deliveries (id),
    attempted_at timestamptz not null,
    latency_ms  integer not null,
    status_code integer,
    error       text
);
create index webhook_attempts_by_delivery on webhook_attempts (delivery_id, id);

-- Module idempotency: the first execution of (principal, method and route, key), its request's
-- hash and its final response, written in the request's own database transaction.
create table idempotency_keys (
    principal    text   not null,
    route        text   not null,
    key          text   not null,
    request_hash bytea  not null,
    status_code  integer,
    content_type text,
    body         bytea,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (principal, route, key)
);
create index idempotency_keys_by_expiry on idempotency_keys (expires_at);

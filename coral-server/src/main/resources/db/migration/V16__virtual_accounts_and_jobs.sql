-- Module virtualaccounts: what BCB's virtual-account service knows of a Sub account beyond its
-- ledger account. Names are set at creation, or once later for an account opened unallocated.
create table virtual_accounts (
    account_id           bigint primary key references accounts (id),
    client_reference     text check (length(client_reference) <= 35),
    account_holder_name  text,
    account_name         text,
    dob                  date,
    native_language_name text check (length(native_language_name) <= 255),
    unallocated          boolean not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

-- Module jobs: background jobs and their items. Items are claimed with FOR UPDATE SKIP LOCKED and
-- marked done in the transaction that did their work, so each runs exactly once across server
-- processes and restarts.
create table jobs (
    id             uuid primary key,
    sequence       bigint generated always as identity unique,
    customer_id    uuid not null references customers (id),
    type           text not null,
    status         text not null check (status in ('Pending', 'InProgress', 'Completed',
                                                     'CompletedWithErrors', 'Cancelled')),
    callback_url   text,
    custom_headers text,
    total          integer not null,
    completed      integer not null default 0,
    failed         integer not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index jobs_by_customer on jobs (customer_id, sequence);
create index jobs_unfinished on jobs (sequence) where status in ('Pending', 'InProgress');

create table job_items (
    job_id      uuid not null references jobs (id),
    position    integer not null,
    payload     text not null,
    status      text not null check (status in ('Pending', 'Succeeded', 'Failed', 'Cancelled')),
    http_status integer,
    error       text,
    result_json text,
    primary key (job_id, position)
);
create index job_items_pending on job_items (job_id, position) where status = 'Pending';

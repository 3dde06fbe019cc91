-- Module audit: who did what, when, from where. Append-only; never holds a secret.
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text not null,
    customer_id uuid,
    action      text not null,
    outcome     text not null,
    detail      text,
    remote_address text,
    request_id  text
);
create index audit_log_by_customer on audit_log (customer_id, id);
create index audit_log_by_action on audit_log (action, id);

create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function ledger_journal_is_append_only();

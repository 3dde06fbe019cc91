-- Module customers: the bank's customers.
create table customers (
    id         uuid primary key,
    name       text not null check (length(name) between 1 and 200),
    type       text not null check (type in ('CORPORATE', 'INDIVIDUAL')),
    created_at timestamptz not null
);

-- Module accounts: accounts, their owners, kinds and statuses. Customer accounts have an owner;
-- the bank's own accounts (clearing per rail and currency, FX liquidity, fee income, suspense)
-- have none. Numbers are nine digits from a sequence plus a Luhn check digit.
create sequence account_number_seq start with 100000001 maxvalue 999999999;

create table accounts (
    id             bigint generated always as identity primary key,
    account_number char(10) not null unique check (account_number ~ '^[0-9]{10}$'),
    customer_id    uuid references customers (id),
    currency       text not null,
    kind           text not null check (kind in ('SETTLEMENT', 'PARENT', 'SUB', 'CURRENT', 'WALLET',
                                                 'CARD_FUNDING', 'CLEARING', 'FX_LIQUIDITY',
                                                 'FEE_INCOME', 'SUSPENSE')),
    rail           text,
    status         text not null check (status in ('ACTIVE', 'FROZEN', 'CLOSED')),
    label          text,
    created_at     timestamptz not null,
    check ((customer_id is null) = (kind in ('CLEARING', 'FX_LIQUIDITY', 'FEE_INCOME', 'SUSPENSE'))),
    check ((rail is not null) = (kind = 'CLEARING'))
);

create unique index accounts_one_settlement_and_parent_per_currency
    on accounts (customer_id, currency, kind) where kind in ('SETTLEMENT', 'PARENT');
create unique index accounts_one_bank_account_per_purpose
    on accounts (kind, currency, coalesce(rail, '')) where customer_id is null;
create index accounts_by_customer on accounts (customer_id);

-- Module ledger: balances, the append-only journal, and holds.
-- posted = credits - debits of posted transfers. A customer account's available balance
-- (posted - pending_debits) never falls below minus its overdraft limit; bank-side accounts may.
create table ledger_accounts (
    account_id      bigint primary key references accounts (id),
    asset_code      text    not null,
    bank_side       boolean not null,
    overdraft_limit bigint  not null default 0 check (overdraft_limit >= 0),
    active          boolean not null default true,
    posted          bigint  not null default 0,
    pending_debits  bigint  not null default 0 check (pending_debits >= 0),
    pending_credits bigint  not null default 0 check (pending_credits >= 0),
    version         bigint  not null default 0,
    constraint ledger_accounts_floor check (bank_side or posted - pending_debits >= -overdraft_limit)
);

-- Numbers for transaction ids, handed out in blocks of 1000 so an engine asks once per block.
create sequence ledger_transaction_block_seq start with 1 increment by 1000;

create table ledger_transactions (
    id         text primary key check (id ~ '^FT[0-9]{5}[0-9A-Z]{5}$'),
    created_at timestamptz not null,
    reverses   text unique references ledger_transactions (id)
);

create table ledger_transfers (
    sequence          bigint generated always as identity primary key,
    transfer_id       text   not null unique,
    transaction_id    text   not null references ledger_transactions (id),
    type              text   not null check (type in ('POSTING', 'HOLD', 'POST_HOLD', 'VOID_HOLD',
                                                      'EXPIRE_HOLD')),
    debit_account_id  bigint not null references ledger_accounts (account_id),
    credit_account_id bigint not null references ledger_accounts (account_id),
    asset_code        text   not null,
    amount            bigint not null check (amount > 0),
    requested_amount  bigint check (requested_amount > 0),
    hold_transfer_id  text,
    expires_at        timestamptz,
    code              text,
    description       text,
    created_at        timestamptz not null,
    check (debit_account_id <> credit_account_id),
    check ((type = 'HOLD') = (expires_at is not null)),
    check ((type in ('POST_HOLD', 'VOID_HOLD', 'EXPIRE_HOLD')) = (hold_transfer_id is not null))
);
create index ledger_transfers_by_transaction on ledger_transfers (transaction_id);

-- One row per leg of a posted amount. balance_after makes "balance at an instant" one index
-- lookup, and the (account_id, posted_at, id) index serves keyset pages in both directions.
create table ledger_postings (
    id                      bigint generated always as identity primary key,
    transaction_id          text   not null,
    transfer_id             text   not null,
    account_id              bigint not null,
    counterparty_account_id bigint not null,
    amount                  bigint not null check (amount <> 0),
    balance_after           bigint not null,
    posted_at               timestamptz not null
);
create index ledger_postings_by_account_and_time on ledger_postings (account_id, posted_at, id);
create index ledger_postings_by_transaction on ledger_postings (transaction_id);

create table ledger_holds (
    transfer_id       text primary key,
    debit_account_id  bigint not null,
    credit_account_id bigint not null,
    asset_code        text   not null,
    amount            bigint not null check (amount > 0),
    expires_at        timestamptz not null,
    status            text   not null check (status in ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED')),
    posted_amount     bigint not null default 0,
    resolved_by       text unique,
    resolved_at       timestamptz,
    check ((status = 'PENDING') = (resolved_by is null)),
    check (posted_amount >= 0 and posted_amount <= amount),
    check ((status = 'POSTED') = (posted_amount > 0))
);
create index ledger_holds_pending_by_expiry on ledger_holds (expires_at) where status = 'PENDING';

-- The journal is append-only: a correction is a new transaction that reverses the original.
create function ledger_journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger journal is append-only: % on % is not allowed', tg_op, tg_table_name;
end;
$$;
create trigger ledger_transactions_append_only before update or delete on ledger_transactions
    for each statement execute function ledger_journal_is_append_only();
create trigger ledger_transfers_append_only before update or delete on ledger_transfers
    for each statement execute function ledger_journal_is_append_only();
create trigger ledger_postings_append_only before update or delete on ledger_postings
    for each statement execute function ledger_journal_is_append_only();
-- A hold may change only from PENDING, once.
create function ledger_hold_resolves_once() returns trigger language plpgsql as $$
begin
    if old.status <> 'PENDING' then
        raise exception 'hold % is already %', old.transfer_id, old.status;
    end if;
    return new;
end;
$$;
create trigger ledger_holds_resolve_once before update on ledger_holds
    for each row execute function ledger_hold_resolves_once();

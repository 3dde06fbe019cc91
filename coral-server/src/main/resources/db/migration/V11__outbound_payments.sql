-- Module rails: the banks the local ACH network reaches, per currency. BCB documents three.
create table ach_banks (
    bank_code text not null,
    currency  text not null,
    name      text not null,
    primary key (bank_code, currency)
);
insert into ach_banks (bank_code, currency, name) values
    ('BUTTERFIELD', 'BMD', 'The Bank of N.T. Butterfield & Son Limited'),
    ('BUTTERFIELD', 'USD', 'The Bank of N.T. Butterfield & Son Limited'),
    ('HSBC',        'BMD', 'HSBC Bank Bermuda Limited'),
    ('HSBC',        'USD', 'HSBC Bank Bermuda Limited'),
    ('CLARIEN',     'BMD', 'Clarien Bank Limited'),
    ('CLARIEN',     'USD', 'Clarien Bank Limited');

-- Module payments: money a customer sends out of an account. Over a rail (SWIFT, ACH, SEPA,
-- crypto) a payment is a hold on the debtor's account from the moment it is accepted; between
-- two accounts of the bank (INTERNAL) it is a posting that completes at once. Its id is the
-- ledger transaction that placed the hold or made the posting; public_id is the id a dialect
-- shows when it names payments its own way (Cayman's tr_...).
-- next_step, next_step_at and next_step_reason say what the simulated network will do, when and
-- why; a payment with no next step waits for nothing (it is final, or it waits for an operator).
create table payments (
    sequence                bigint generated always as identity unique,
    id                      text primary key references ledger_transactions (id),
    public_id               text unique,
    customer_id             uuid   not null references customers (id),
    rail                    text   not null check (rail in ('SWIFT', 'ACH', 'SEPA', 'CRYPTO', 'INTERNAL')),
    status                  text   not null check (status in ('PENDING', 'COMPLETED', 'FAILED', 'REVERSED', 'CANCELED')),
    debit_account_id        bigint not null references accounts (id),
    credit_account_id       bigint references accounts (id),
    debit_currency          text   not null,
    debit_amount            bigint not null check (debit_amount > 0),
    credit_currency         text   not null,
    credit_amount           bigint not null check (credit_amount > 0),
    exchange_rate           numeric(30, 10) check (exchange_rate > 0),
    fx_quote_id             uuid references fx_quotes (id),
    external_reference      text,
    remittance_information  text[] not null,
    creditor_account        text   not null,
    creditor_name           text,
    creditor_agent          text,
    intermediary_agent      text,
    charges_type            text check (charges_type in ('OUR', 'BEN', 'SHA')),
    value_date              date,
    hold_transfer_ids       text[] not null,
    settled_transaction_id  text references ledger_transactions (id),
    reversal_transaction_id text references ledger_transactions (id),
    status_reason           text,
    next_step               text check (next_step in ('SETTLE', 'FAIL', 'RETURN')),
    next_step_at            timestamptz,
    next_step_reason        text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    check ((next_step is null) = (next_step_at is null)),
    check ((exchange_rate is null) = (debit_currency = credit_currency)),
    check ((status in ('COMPLETED', 'REVERSED')) = (settled_transaction_id is not null)),
    check ((status = 'REVERSED') = (reversal_transaction_id is not null)),
    check ((rail = 'INTERNAL') = (credit_account_id is not null))
);
create index payments_by_debit_account on payments (debit_account_id, sequence);
create index payments_by_customer on payments (customer_id, sequence);
create index payments_due on payments (next_step_at) where next_step is not null;

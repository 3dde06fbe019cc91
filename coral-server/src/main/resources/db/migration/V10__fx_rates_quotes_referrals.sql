-- Module fx: mid rates set by operators, quotes given to customers, and high-value requests
-- referred to the dealing desk. Rates are exact decimals; amounts are minor units.
create table fx_rates (
    base_currency  text not null,
    quote_currency text not null,
    mid_rate       numeric(30, 10) not null check (mid_rate > 0),
    updated_at     timestamptz not null,
    primary key (base_currency, quote_currency),
    check (base_currency <> quote_currency)
);

create table fx_quotes (
    id                 uuid primary key,
    customer_id        uuid not null references customers (id),
    unit_currency      text not null,
    transfer_currency  text not null,
    instructed_amount  bigint not null check (instructed_amount > 0),
    converted_amount   bigint not null check (converted_amount >= 0),
    rate               numeric(30, 10) not null check (rate > 0),
    created_at         timestamptz not null,
    expires_at         timestamptz not null
);
create index fx_quotes_by_customer on fx_quotes (customer_id, created_at);

create table fx_referrals (
    id                uuid primary key,
    customer_id       uuid not null references customers (id),
    unit_currency     text not null,
    transfer_currency text not null,
    instructed_amount bigint not null check (instructed_amount > 0),
    status            text not null check (status in ('PENDING', 'QUOTED')),
    quote_id          uuid references fx_quotes (id),
    created_at        timestamptz not null,
    check ((status = 'QUOTED') = (quote_id is not null))
);
create index fx_referrals_pending on fx_referrals (created_at) where status = 'PENDING';

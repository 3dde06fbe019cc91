-- Module idempotency: a claim of a route whose only effect is ledger transfers (ADR 0009) is
-- committed before its effect, in a batch with other requests' claims, instead of being held
-- uncommitted in the request's own transaction. Such a claim names the server process that owns
-- it (owner: the key of the advisory lock that process holds while it lives) and a lease. A retry
-- that finds the claim still in progress waits while its owner lives and the lease runs; after
-- that it takes the claim over and runs the request again, which the ledger answers "exists"
-- because the transfer ids derive from the key. Claims made in a request's transaction leave both
-- columns empty.
alter table idempotency_keys
    add column owner integer,
    add column lease_expires_at timestamptz;

-- Bank-side accounts (no floor) are no longer locked for a whole ledger batch: a batch adds its
-- change to their balances at its end, so two batches on one clearing account overlap. The
-- later of two overlapping batches may carry the earlier timestamp; last_posted_at lets it post
-- on a bank-side account no earlier than the account's previous posting, so that an account's
-- postings in (posted_at, id) order are the order its balance went through.
alter table ledger_accounts add column last_posted_at timestamptz;

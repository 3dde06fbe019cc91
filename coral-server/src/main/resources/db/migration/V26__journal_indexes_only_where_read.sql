-- Every transfer request writes a transaction and its transfers, and each index on them is an
-- entry to insert and log per row (the load's profile: index entries are PostgreSQL's largest
-- single cost per request). Two of those indexes were written for every row and read for almost
-- none.
--
-- ledger_transactions.reverses was a unique constraint, whose index holds an entry for every
-- transaction, though only reversals have a value there. A partial unique index keeps the rule (a
-- transaction is reversed at most once) and the lookup of a transaction's reversal, and indexes
-- only the reversals.
alter table ledger_transactions drop constraint ledger_transactions_reverses_key;
create unique index ledger_transactions_reversal_of on ledger_transactions (reverses)
    where reverses is not null;

-- ledger_transfers had two unique indexes: its primary key on sequence, which no statement looks
-- up (sequence only orders a transaction's transfers, found by transaction_id), and transfer_id,
-- which every read and the engine's conflict clause use. The transfer id becomes the primary key,
-- and sequence stays as the journal's order.
alter table ledger_transfers drop constraint ledger_transfers_pkey;
alter table ledger_transfers drop constraint ledger_transfers_transfer_id_key;
alter table ledger_transfers add constraint ledger_transfers_pkey primary key (transfer_id);

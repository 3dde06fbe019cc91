-- The engine writes a transaction, its transfers and their accounts' balances under row locks in
-- one database transaction, and the kernel refuses transfers whose accounts are not among the
-- locked rows, so these foreign keys never caught anything. They cost a lookup per key per
-- transfer, and a plan cached while the journal was small turned each lookup into a sequential
-- scan (1.2 ms per transfer under load). The invariant check verifies the references instead
-- (transfer_belongs_to_a_transaction, transfer_accounts_exist).
alter table ledger_transfers drop constraint ledger_transfers_transaction_id_fkey;
alter table ledger_transfers drop constraint ledger_transfers_debit_account_id_fkey;
alter table ledger_transfers drop constraint ledger_transfers_credit_account_id_fkey;

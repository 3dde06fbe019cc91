-- A balance row is rewritten by every batch that touches it. Free space on its page lets
-- PostgreSQL write the new version beside the old one (a heap-only tuple), without touching the
-- primary key index; the table is small, so the extra space costs little.
alter table ledger_accounts set (fillfactor = 70);

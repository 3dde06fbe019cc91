-- Module ledger: each balance row knows its place in a customer's virtual-account hierarchy
-- (Settlement -> Parent -> Sub, per customer and currency), so the flow rules hold for every
-- transfer whichever endpoint it comes through. hierarchy_id is the Parent's account id; a
-- Settlement opened before its Parent joins the hierarchy when the Parent is opened.
alter table ledger_accounts
    add column role text not null default 'NONE'
        check (role in ('NONE', 'SETTLEMENT', 'PARENT', 'SUB')),
    add column hierarchy_id bigint;

update ledger_accounts l
   set role = a.kind
  from accounts a
 where a.id = l.account_id and a.kind in ('SETTLEMENT', 'PARENT', 'SUB');

update ledger_accounts l
   set hierarchy_id = p.id
  from accounts a
  join accounts p on p.customer_id = a.customer_id and p.currency = a.currency
                 and p.kind = 'PARENT'
 where a.id = l.account_id and a.kind in ('SETTLEMENT', 'PARENT', 'SUB');

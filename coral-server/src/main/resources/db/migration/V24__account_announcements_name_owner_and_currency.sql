-- Account announcements (V23) also name the account's owner and currency: "number customer
-- currency", with "-" for a bank-side account's missing owner. Server processes now keep in memory
-- a customer's Settlement and Parent accounts per currency as well (every move through a Sub
-- account names them), and an opened, changed or removed account must make them forget the
-- hierarchy it belongs to, which its number alone does not say. An update announces the old row
-- and the new one, so an account that changes owner or currency is forgotten under both.
create or replace function announce_account_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.account_number is not null then
        perform pg_notify('coral_account_changed',
                          old.account_number || ' ' || coalesce(old.customer_id::text, '-')
                              || ' ' || old.currency);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.account_number is not null then
        perform pg_notify('coral_account_changed',
                          new.account_number || ' ' || coalesce(new.customer_id::text, '-')
                              || ' ' || new.currency);
    end if;
    return null;
end
$$;

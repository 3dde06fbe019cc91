-- Every change to an account (opened, changed or removed) is announced on the channel
-- coral_account_changed, with the account's number as payload. Server processes keep the accounts
-- that transfer requests name in memory (by number) and forget one as soon as its change is
-- announced, as they do with API clients (V21). Inserts are announced too, because a number that
-- named no account is remembered as such.
create function announce_account_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.account_number is not null then
        perform pg_notify('coral_account_changed', old.account_number);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.account_number is not null then
        perform pg_notify('coral_account_changed', new.account_number);
    end if;
    return null;
end
$$;

create trigger account_changed
    after insert or update or delete on accounts
    for each row execute function announce_account_change();

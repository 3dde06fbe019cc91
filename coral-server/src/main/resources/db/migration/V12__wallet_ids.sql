-- Module accounts: a public id for accounts a dialect names by id rather than by number
-- (Cayman's wallets: wal_ followed by a ULID). Wallets opened before this migration get one
-- made of their opening time and random characters, in the same ULID shape.
alter table accounts add column public_id text unique;

create function coral_ulid(at timestamptz) returns text language plpgsql as $$
declare
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    millis bigint := floor(extract(epoch from at) * 1000);
    result text := '';
begin
    for position in 1..10 loop
        result := substr(alphabet, (millis % 32)::int + 1, 1) || result;
        millis := millis / 32;
    end loop;
    for position in 1..16 loop
        result := result || substr(alphabet, floor(random() * 32)::int + 1, 1);
    end loop;
    return result;
end;
$$;

update accounts set public_id = 'wal_' || coral_ulid(created_at) where kind = 'WALLET';

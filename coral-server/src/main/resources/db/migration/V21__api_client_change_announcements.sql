-- Every change to an API client (created, changed or removed) is announced on the channel
-- coral_api_client_changed, with the client's id as payload. Server processes keep the clients
-- that authenticate requests in memory and forget one as soon as its change is announced, so a
-- client disabled by any process (or by hand, in SQL) is refused everywhere within milliseconds.
-- A trigger, not the application, sends the announcement so that no way of changing a client can
-- forget to; PostgreSQL delivers it only when the change commits.
create function announce_api_client_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('coral_api_client_changed', old.client_id::text);
    else
        perform pg_notify('coral_api_client_changed', new.client_id::text);
    end if;
    return null;
end
$$;

create trigger api_client_changed
    after insert or update or delete on api_clients
    for each row execute function announce_api_client_change();

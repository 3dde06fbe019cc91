-- The sandbox clock's offset from real time. One row at most; it survives restarts and is
-- shared by every node on the same database, so holds and tokens expire consistently.
create table sandbox_clock (
    singleton      boolean primary key default true check (singleton),
    offset_seconds bigint  not null check (offset_seconds >= 0),
    updated_at     timestamptz not null
);

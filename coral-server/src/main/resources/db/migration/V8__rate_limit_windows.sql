-- Module ratelimit: one counter per key and fixed window, shared by every server process.
create table rate_limit_windows (
    key          text        not null,
    window_start timestamptz not null,
    count        integer     not null,
    primary key (key, window_start)
);
create index rate_limit_windows_by_start on rate_limit_windows (window_start);

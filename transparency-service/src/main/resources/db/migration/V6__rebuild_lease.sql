-- A rebuild's state lives in the database, not in the instance that runs it: the instance that holds it (a lease that
-- another instance takes over once it has run out: the holder died or stopped), how far it has read each partition
-- (records before those offsets are applied; applying one again is a no-op through the inbox), the end offsets it
-- must reach before it may switch, and how many records it has read.
alter table register_generation
    add column owner         varchar(200),
    add column lease_until   timestamptz,
    add column positions     text,
    add column target        text,
    add column records_read  bigint not null default 0;

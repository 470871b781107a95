-- Cadence warnings already sent: one per deadline, whichever instance of the service checks first.
create table cadence_warning (
    deadline        date         primary key,
    last_held_on    date         not null,
    days_left       integer      not null,
    warned_at       timestamptz  not null
);

-- When a meeting's public summary was flagged overdue (once per meeting).
alter table meeting add column summary_overdue_at timestamptz;

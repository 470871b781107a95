-- Shared by every service (platform module). Platform migrations are numbered 0.x so that they sort before
-- a service's own migrations (1, 2, ...).

-- Transactional outbox: an event row commits with the state change it describes; OutboxRelay publishes it.
create table outbox_event (
    position      bigserial    primary key,           -- publication order
    id            uuid         not null unique,       -- the CloudEvents id
    topic         varchar(200) not null,
    type          varchar(200) not null,
    subject       varchar(100) not null,              -- the aggregate id, also the Kafka key
    data_schema   varchar(300) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(1000)
);
create index outbox_event_pending on outbox_event (position) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent inbox: the id of every event a consumer has applied, written in the consumer's own transaction.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      varchar(200) not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Webhook subscriptions and their deliveries (module README, docs/adr/0005-webhooks.md).

-- An owner's endpoint and the event types it receives. The owner's account (token subject, account name) is personal
-- data: exported and erased with the account (service.PersonalDataService).
create table webhook_subscription (
    id                     uuid           primary key,
    owner_subject          varchar(255)   not null,
    owner_username         varchar(255),
    -- the standing the owner subscribed with (AI_OFFICE, MEMBER, STAKEHOLDER) and, for a member, its organisation:
    -- what is checked again before every delivery (service.EventAccess)
    owner_role             varchar(20)    not null,
    owner_organisation     uuid,
    url                    varchar(2048)  not null,
    description            varchar(500),
    event_types            varchar(200)[] not null,
    -- ACTIVE; FAILING (a delivery failed for the whole retry period); DISABLED (the owner may no longer read what it
    -- subscribed to). Neither FAILING nor DISABLED gets new deliveries until the owner re-enables it.
    status                 varchar(20)    not null,
    status_reason          varchar(500),
    status_changed_at      timestamptz    not null,
    -- the signing secrets (whsec_ + base64 of 32 random bytes): the current one, and during a rotation's overlap the
    -- previous one, which signs too until previous_secret_until
    secret                 varchar(100)   not null,
    previous_secret        varchar(100),
    previous_secret_until  timestamptz,
    version                bigint         not null default 0,
    created_at             timestamptz    not null,
    updated_at             timestamptz    not null
);
create index webhook_subscription_owner on webhook_subscription (owner_subject, created_at, id);
create index webhook_subscription_types on webhook_subscription using gin (event_types) where status = 'ACTIVE';

-- One event to one subscription: made in the consumer's transaction (fan-out), sent by the dispatcher. The events of
-- one Kafka key go out in the order of seq, one at a time per subscription.
create table webhook_delivery (
    id                uuid           primary key,
    subscription_id   uuid           not null references webhook_subscription (id) on delete cascade,
    seq               bigserial      not null,
    event_id          varchar(255)   not null,
    event_type        varchar(200)   not null,
    event_key         varchar(255)   not null,
    -- the organisation an ORGANISATION event concerns (checked against the owner again when it is sent)
    organisation_id   uuid,
    -- the CloudEvents JSON document as it is sent (structured mode: the topic's attributes and data)
    payload           text           not null,
    -- PENDING, DELIVERED, FAILED (retried for the whole period), SKIPPED (the owner may no longer read it)
    status            varchar(20)    not null,
    attempts          integer        not null default 0,
    next_attempt_at   timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        varchar(500),
    created_at        timestamptz    not null,
    finished_at       timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (subscription_id, event_key, seq) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at, id);
create index webhook_delivery_finished on webhook_delivery (finished_at) where status <> 'PENDING';

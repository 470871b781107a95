-- Members' requests to convene a meeting: filed by a current member organisation, supported by others (once per
-- organisation), accepted by the AI Office (which convenes a meeting linked to it) or declined with a public reason.
create table meeting_request (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    topic            varchar(300)  not null,
    rationale        varchar(5000) not null,           -- for the AI Office and members; not published
    status           varchar(20)   not null check (status in ('FILED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    decline_reason   varchar(2000),                    -- public
    meeting_id       uuid          references meeting (id),
    filed_by         varchar(200)  not null,
    decided_by       varchar(200),
    decided_at       timestamptz,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0
);
create index meeting_request_created_at on meeting_request (created_at, id);
create index meeting_request_updated_at on meeting_request (updated_at, id);

create table meeting_request_item (
    request_id  uuid         not null references meeting_request (id) on delete cascade,
    position    integer      not null,
    title       varchar(300) not null,
    primary key (request_id, position)
);

create table meeting_request_support (
    request_id       uuid         not null references meeting_request (id) on delete cascade,
    organisation_id  uuid         not null,
    supported_by     varchar(200) not null,
    supported_at     timestamptz  not null,
    primary key (request_id, organisation_id)            -- once per organisation
);

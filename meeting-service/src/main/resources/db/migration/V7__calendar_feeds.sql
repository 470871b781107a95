-- Personal iCalendar feeds: reachable by a calendar client without OAuth through an unguessable token. Only the
-- token's SHA-256 is kept; the token is shown once, at creation. The owner or the AI Office revokes a feed.
create table calendar_feed (
    id               uuid          primary key,
    token_hash       varchar(64)   not null unique,
    subject          varchar(200)  not null,        -- the owner's token subject
    username         varchar(200)  not null,        -- the owner's account: individual invitations
    organisation_id  uuid,                          -- the member organisation the owner represents: its invitations
    ai_office        boolean       not null,        -- an AI Office feed lists every meeting
    created_at       timestamptz   not null,
    last_used_at     timestamptz,
    revoked_at       timestamptz
);
create index calendar_feed_subject on calendar_feed (subject, created_at);

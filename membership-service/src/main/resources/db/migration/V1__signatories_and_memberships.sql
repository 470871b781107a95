create table signatory (
    id            uuid         primary key,
    name          varchar(200) not null,
    country       char(2),
    website       varchar(500),
    signed_on     date         not null,
    withdrawn_on  date,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0
);
create unique index signatory_name on signatory (lower(name));
create index signatory_updated_at on signatory (updated_at, id);

create table signatory_chapter (
    signatory_id  uuid         not null references signatory (id) on delete cascade,
    chapter       varchar(40)  not null check (chapter in ('TRANSPARENCY', 'COPYRIGHT', 'SAFETY_AND_SECURITY')),
    primary key (signatory_id, chapter)
);

-- Every period of Taskforce membership; a current membership has no left_on.
create table membership (
    id            uuid         primary key,
    signatory_id  uuid         not null references signatory (id),
    joined_on     date         not null,
    joined_by     varchar(200) not null,
    left_on       date,
    left_by       varchar(200),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0
);
create unique index membership_one_current on membership (signatory_id) where left_on is null;
create index membership_signatory on membership (signatory_id, joined_on);

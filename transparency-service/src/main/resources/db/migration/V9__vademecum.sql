-- The Taskforce Vademecum (issue 20), from membership-service's vademecum-published events: one row per published
-- edition, never changed afterwards. Like every read-model table, each row carries its generation. Sections and
-- participants are JSON text as the event carried them: a representative's name only as its commitment, joined with
-- person_disclosure when served (person_value, person_withheld), never stored here.
create table vademecum_edition (
    generation    integer      not null,
    id            uuid         not null,
    number        integer      not null,
    published_on  date         not null,
    published_at  timestamptz  not null,
    sections      text         not null,   -- JSON array of {key, position, title, text}
    participants  text         not null,   -- JSON array of {organisationId, name, ..., representatives: [{representativeId, role, publicName}]}
    updated_at    timestamptz  not null,
    primary key (generation, id)
);
create index vademecum_edition_number on vademecum_edition (generation, number);

-- The stakeholders' list at scale (issue 19, ADR 0015). The list is sorted by lower(coalesce(name, the person's
-- disclosed name, '')) and the id as text; a person's name lives in person_disclosure, joined when served, so no index
-- held the order and every page sorted every stakeholder. The key is now kept on the row (sort_name), with an index:
-- written by the database itself, so that no writer can forget it, and for a person only while person_disclosure
-- holds the value: set when the disclosure is stored, '' again in the same transaction when it is deleted
-- (withdrawal, rectification, erasure). The text is the one the list sorted by before: cursors stay valid.
alter table stakeholder add column sort_name text;
update stakeholder s set sort_name = lower(coalesce(s.name,
    (select d.value from person_disclosure d where d.commitment = s.name_commitment), ''));
alter table stakeholder alter column sort_name set not null;

create index stakeholder_sort on stakeholder (generation, sort_name, (id::text));
create index stakeholder_name_commitment on stakeholder (name_commitment) where name_commitment is not null;

-- a row written by the projection (any generation, a rebuild too) gets its key from what is disclosed now
create function stakeholder_sort_name() returns trigger language plpgsql as $$
begin
    new.sort_name := lower(coalesce(new.name,
        (select d.value from person_disclosure d where d.commitment = new.name_commitment), ''));
    return new;
end
$$;
create trigger stakeholder_sort_name before insert or update of name, name_commitment on stakeholder
    for each row execute function stakeholder_sort_name();

-- a disclosure stored or deleted moves the key of every stakeholder row (of every generation) that commits to it
create function person_disclosure_sorts_stakeholders() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update stakeholder set sort_name = '' where name_commitment = old.commitment and name is null;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update stakeholder set sort_name = lower(new.value) where name_commitment = new.commitment and name is null;
    end if;
    return null;
end
$$;
create trigger person_disclosure_sorts_stakeholders after insert or update or delete on person_disclosure
    for each row execute function person_disclosure_sorts_stakeholders();

-- Search ranks the newest matches only (query/SearchQuery): for a frequent word, PostgreSQL reads them newest first
-- through this index instead of every match.
create index search_document_newest on search_document
    (generation, occurred_on desc nulls last, document_type, document_id);

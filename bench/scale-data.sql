-- The data set of bench/scale.sh: fills the served generation (1) of a transparency-service database that the service
-- has just migrated (Flyway) and that holds nothing else, in the shape the projectors write it, with
--   :n      organisations (all signatories and members), meetings, public feedback items and stakeholders;
--           a tenth as many evidence submissions, declined requests and decisions; a hundredth as many guidance
--           documents, input windows (100 feedback items each) and ad-hoc groups (10 organisations each)
--   :periods membership periods per organisation (the last one current), for the membership-periods export
--   :log    register log entries
-- and the search documents the projectors derive (each meeting's agenda and summary, each feedback item, each
-- evidence submission). Search terms: "zephyrine" is in exactly 10 documents at any size, "watermarking" in 1 in 100.
--
-- Not the projectors' output byte for byte: register_event (the entries each aggregate's rows are computed from) stays
-- empty, as no public list reads it; representatives' names are commitments that nothing discloses (NOT_DISCLOSED), a
-- person stakeholder's half the time (person_disclosure holds the other half, whose openings do not hash to them);
-- and the log's entries are canonical JSON of the right shape and size whose leaf hash is the SHA-256 of the entry,
-- but whose chain hash is not chained (SHA-256 of the leaf and the sequence): the log does not verify
-- (verify-register fails), which the endpoints measured never check.
--
-- psql -v n=1000 -v periods=1 -v log=1000 -f bench/scale-data.sql
\set ON_ERROR_STOP on
set synchronous_commit = off;

-- a uuid that is the same for the same (kind, i): the lists' cross references find each other
create or replace function pg_temp.uid(kind text, i bigint) returns uuid language sql immutable as $$
    select md5(kind || ':' || i)::uuid
$$;
create or replace function pg_temp.at(i bigint) returns timestamptz language sql immutable as $$
    select timestamptz '2026-01-01 09:00:00+00' + make_interval(mins => (i * 37)::int % 500000)
$$;
create or replace function pg_temp.words(i bigint) returns text language sql immutable as $$
    select (array['transparency', 'systemic risk', 'copyright', 'evaluation', 'incident reporting', 'model card',
                  'compute', 'training data', 'red teaming', 'cybersecurity', 'downstream providers', 'opt-out'])[1 + i % 12]
        || ' and ' || (array['governance', 'documentation', 'serious incidents', 'capabilities', 'thresholds',
                  'mitigations', 'reporting', 'auditing', 'licensing', 'safeguards', 'disclosure'])[1 + (i / 12) % 11]
        || case when i % 100 = 7 then ' watermarking' else '' end
        || case when i in (3, 17, 29, 41, 53, 67, 79, 83, 97, 101) then ' zephyrine' else '' end
$$;

-- Participants --------------------------------------------------------------------------------------------------
insert into organisation (generation, id, name, country, website, chapters, signed_on, withdrawn_on, signatory, updated_at)
select 1, pg_temp.uid('org', i), 'Organisation ' || md5('name' || i), (array['FR', 'DE', 'US', 'IE', 'NL'])[1 + i % 5],
       'https://org' || i || '.example', case when i % 3 = 0 then 'TRANSPARENCY,COPYRIGHT' else 'TRANSPARENCY,COPYRIGHT,SAFETY_AND_SECURITY' end,
       date '2025-08-01' + (i % 300)::int, null, true, pg_temp.at(i)
from generate_series(1, :n) i;

insert into membership_period (generation, id, organisation_id, joined_on, left_on, updated_at)
select 1, pg_temp.uid('period', i * 100 + k), pg_temp.uid('org', i),
       date '2020-01-01' + (k * 150 + i % 90)::int,
       case when k = :periods then null else date '2020-01-01' + (k * 150 + i % 90 + 100)::int end, pg_temp.at(i)
from generate_series(1, :n) i, generate_series(1, :periods) k;

insert into representative (generation, id, organisation_id, role, name_commitment, updated_at)
select 1, pg_temp.uid('rep', i * 2 + k), pg_temp.uid('org', i), case when k = 0 then 'LEAD' else 'ALTERNATE' end,
       'sha256:' || encode(sha256(convert_to('rep' || (i * 2 + k), 'UTF8')), 'hex'), pg_temp.at(i)
from generate_series(1, :n) i, generate_series(0, 1) k;

-- one stakeholder in ten is a person, whose name is a commitment; half of those names are disclosed
insert into stakeholder (generation, id, kind, name, field_of_expertise, name_commitment, updated_at)
select 1, pg_temp.uid('stakeholder', i), case when i % 10 = 0 then 'PERSON' else 'ORGANISATION' end,
       case when i % 10 = 0 then null else 'Stakeholder ' || md5('sh' || i) end,
       case when i % 10 = 0 then null else pg_temp.words(i) end,
       case when i % 10 = 0 then 'sha256:' || encode(sha256(convert_to('stakeholder' || i, 'UTF8')), 'hex') end, pg_temp.at(i)
from generate_series(1, :n) i;
insert into person_disclosure (commitment, ref, field, salt, value)
select 'sha256:' || encode(sha256(convert_to('stakeholder' || i, 'UTF8')), 'hex'), pg_temp.uid('stakeholder', i),
       'publicName', md5('salt' || i), 'Expert ' || md5('expert' || i)
from generate_series(20, :n, 20) i;

insert into ad_hoc_group (generation, id, name, description, updated_at)
select 1, pg_temp.uid('group', i), 'Group ' || i || ' on ' || pg_temp.words(i), 'An ad-hoc group', pg_temp.at(i)
from generate_series(1, greatest(:n / 100, 1)) i;

insert into ad_hoc_group_participant (generation, group_id, organisation_id, organisation_name)
select 1, pg_temp.uid('group', i), pg_temp.uid('org', (i - 1) * 10 + k), 'Organisation ' || md5('name' || ((i - 1) * 10 + k))
from generate_series(1, greatest(:n / 100, 1)) i, generate_series(1, 10) k;

-- Meetings: nine in ten held (half of them with a published summary), one in ten to come ------------------------
insert into meeting (generation, id, title, kind, format, starts_at, ends_at, time_zone, location, status, agenda_revision,
                     agenda, attendance, individual_attendees, summary, withheld_parts, summary_published_at, updated_at)
select 1, pg_temp.uid('meeting', i), 'Meeting ' || i || ' on ' || pg_temp.words(i),
       case when i % 10 = 0 then 'PLENARY' else 'WORKING_GROUP' end, 'HYBRID',
       case when i % 10 = 9 then now() + make_interval(days => (i % 300)::int + 1) else pg_temp.at(i) end,
       case when i % 10 = 9 then now() + make_interval(days => (i % 300)::int + 1, hours => 2) else pg_temp.at(i) + interval '2 hours' end,
       'Europe/Brussels', 'Brussels',
       case when i % 10 = 9 then 'SCHEDULED' when i % 2 = 0 then 'SUMMARY_PUBLISHED' else 'HELD' end, 1,
       json_build_array(
           json_build_object('position', 1, 'title', 'Opening', 'description', null, 'codeReferences', '[]'::json,
                             'guidanceDocumentIds', '[]'::json, 'codeEdition', null),
           json_build_object('position', 2, 'title', initcap(pg_temp.words(i)), 'description', 'Discussion of ' || pg_temp.words(i),
                             'codeReferences', json_build_array('TRANSPARENCY-1'), 'guidanceDocumentIds', '[]'::json,
                             'codeEdition', '2025-07-10'))::text,
       case when i % 10 = 9 then null else json_build_array(
           json_build_object('organisationId', pg_temp.uid('org', i), 'organisationName', 'Organisation ' || md5('name' || i)),
           json_build_object('organisationId', pg_temp.uid('org', i + 1), 'organisationName', 'Organisation ' || md5('name' || (i + 1))))::text end,
       case when i % 10 = 9 then null else 3 end,
       case when i % 2 = 0 and i % 10 <> 9 then 'The Taskforce discussed ' || pg_temp.words(i)
           || '. Members presented their approaches, the AI Office summarised the open questions and the next steps.' end,
       '[]', case when i % 2 = 0 and i % 10 <> 9 then pg_temp.at(i) + interval '10 days' end, pg_temp.at(i)
from generate_series(1, :n) i;

insert into meeting_request (generation, id, organisation_id, organisation_name, topic, proposed_items, filed_at, supporters,
                             status, decline_reason, updated_at)
select 1, pg_temp.uid('request', i), pg_temp.uid('org', i), 'Organisation ' || md5('name' || i), 'A meeting on ' || pg_temp.words(i),
       '["' || pg_temp.words(i) || '"]', pg_temp.at(i), 3, 'DECLINED', 'Covered by the next plenary', pg_temp.at(i)
from generate_series(1, greatest(:n / 10, 1)) i;

insert into decision (generation, id, question, threshold, closes_at, meeting_id, status, result, yes, no, abstain, closed_at,
                      updated_at, quorum, eligible)
select 1, pg_temp.uid('decision', i), 'Adopt the position on ' || pg_temp.words(i) || '?', 'SIMPLE_MAJORITY',
       pg_temp.at(i), pg_temp.uid('meeting', i), 'CLOSED', 'ADOPTED', 10, 2, 1, pg_temp.at(i), pg_temp.at(i), 5, 20
from generate_series(1, greatest(:n / 10, 1)) i;

-- Guidance: documents with one version and one input window each, its dispositions published ---------------------
insert into guidance_document (generation, id, title, kind, ai_act_articles, code_references, public_consultation,
                               published_at, updated_at, code_edition)
select 1, pg_temp.uid('document', i), 'Guidelines ' || i || ' on ' || pg_temp.words(i), 'GUIDELINES', '["53"]',
       '["TRANSPARENCY-1", "SAFETY_AND_SECURITY-3.2"]', null, pg_temp.at(i), pg_temp.at(i), '2025-07-10'
from generate_series(1, greatest(:n / 100, 1)) i;

insert into guidance_version (generation, id, document_id, number, change_note, sections, published_at, updated_at)
select 1, pg_temp.uid('version', i), pg_temp.uid('document', i), 1, null,
       '[{"key":"s1","position":1,"title":"Scope"},{"key":"s2","position":2,"title":"Obligations"}]', pg_temp.at(i), pg_temp.at(i)
from generate_series(1, greatest(:n / 100, 1)) i;

insert into input_window (generation, id, document_id, document_title, version_id, version_number, opens_at, closes_at,
                          status, closed_at, closed_early, public_items, confidential_items, confidential_dispositions,
                          dispositions_published_at, updated_at)
select 1, pg_temp.uid('window', i), pg_temp.uid('document', i), 'Guidelines ' || i || ' on ' || pg_temp.words(i),
       pg_temp.uid('version', i), 1, pg_temp.at(i), pg_temp.at(i) + interval '14 days', 'DISPOSITIONS_PUBLISHED',
       pg_temp.at(i) + interval '14 days', false, 100, 0, '[]', pg_temp.at(i) + interval '30 days', pg_temp.at(i)
from generate_series(1, greatest(:n / 100, 1)) i;

insert into feedback (generation, id, window_id, position, section_key, section_title, attribution, organisation_id,
                      organisation_name, text, disposition, response, published, updated_at)
select 1, pg_temp.uid('feedback', i), pg_temp.uid('window', 1 + (i - 1) / 100), 1 + (i - 1) % 100, 's1', 'Scope', 'ATTRIBUTED',
       pg_temp.uid('org', i), 'Organisation ' || md5('name' || i),
       'We suggest clarifying ' || pg_temp.words(i) || ' in the scope, with examples for providers of open models.',
       'ACCEPTED', 'Clarified in the next version.', true, pg_temp.at(i)
from generate_series(1, :n) i;
-- since V15 a published item also holds its window's publication (on a database of an earlier build, no such column)
do $$ begin
    if exists (select 1 from information_schema.columns where table_name = 'feedback' and column_name = 'published_at') then
        update feedback f set published_at = w.dispositions_published_at
        from input_window w where w.generation = f.generation and w.id = f.window_id and f.published;
    end if;
end $$;

insert into evidence (generation, id, title, summary, type, url, code_references, submitter_role, attribution,
                      organisation_id, organisation_name, submitted_at, updated_at, code_edition)
select 1, pg_temp.uid('evidence', i), 'Study ' || i || ' on ' || pg_temp.words(i), 'Findings on ' || pg_temp.words(i),
       'RESEARCH', 'https://evidence.example/' || i, '["TRANSPARENCY-1"]', 'MEMBER', 'ATTRIBUTED', pg_temp.uid('org', i),
       'Organisation ' || md5('name' || i), pg_temp.at(i), pg_temp.at(i), '2025-07-10'
from generate_series(1, greatest(:n / 10, 1)) i;

-- Search documents, as the projectors write them ----------------------------------------------------------------
insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
select 1, 'AGENDA', id, title, coalesce((select string_agg(a ->> 'title' || ' ' || coalesce(a ->> 'description', ''), ' ')
                                         from json_array_elements(agenda::json) a), ''), starts_at, updated_at
from meeting where generation = 1 and status in ('HELD', 'SUMMARY_PUBLISHED');
insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
select 1, 'SUMMARY', id, title, summary, starts_at, updated_at from meeting where generation = 1 and summary is not null;
insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
select 1, 'FEEDBACK', id, 'Feedback on Scope', text, updated_at, updated_at from feedback where generation = 1;
insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
select 1, 'EVIDENCE', id, title, summary, submitted_at, updated_at from evidence where generation = 1;

-- The register log ------------------------------------------------------------------------------------------------
insert into log_entry (sequence, event_id, corrects, subject, type, occurred_at, canonical, leaf_hash, hash, appended_at)
select s, e.event_id, null, e.subject, e.type, e.time, e.canonical,
       encode(sha256(convert_to(e.canonical, 'UTF8')), 'hex'),
       encode(sha256(convert_to(encode(sha256(convert_to(e.canonical, 'UTF8')), 'hex') || s, 'UTF8')), 'hex'),
       pg_temp.at(s)
from generate_series(1, :log) s,
     lateral (select 'scale-' || s as event_id, pg_temp.uid('meeting', s) as subject,
                     'eu.taskforce.meetings.meeting-held.v1' as type, pg_temp.at(s) as time) e0,
     lateral (select e0.*, '{"corrects":null,"data":{"attendance":[{"organisationId":"' || pg_temp.uid('org', s)
                     || '","organisationName":"Organisation ' || md5('name' || s) || '"}],"individualAttendees":3,"meetingId":"'
                     || e0.subject || '"},"eventId":"' || e0.event_id || '","sequence":' || s || ',"subject":"' || e0.subject
                     || '","time":"' || to_char(e0.time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                     || '","topic":"taskforce.meetings.v1","type":"' || e0.type || '"}' as canonical) e;

analyze organisation, membership_period, representative, stakeholder, person_disclosure, ad_hoc_group, ad_hoc_group_participant, meeting,
    meeting_request, decision, guidance_document, guidance_version, input_window, feedback, evidence, search_document, log_entry;

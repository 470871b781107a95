-- The public lists at scale (issue 19, bench/scale.sh): a page of a list is `order by sort_key, sort_id limit n`
-- after the cursor's `(sort_key, sort_id) > (key, id)`, where the sort key is text that sorts like the value (a
-- cursor holds it) and sort_id the id as text. Without an index on those very expressions PostgreSQL computes and
-- sorts the key of every row of the list for each page (1 s a page for a million membership periods). The keys are
-- to_char of times and days, which PostgreSQL calls STABLE (to_char may read the locale for some patterns; these
-- patterns are digits only, so the text never changes): the functions below say what they are, IMMUTABLE, so that
-- expression indexes can hold them, and the lists' queries call them (query/Rows), giving the same text as before: the
-- cursors and ETags that clients hold stay valid.
create function register_time_key(t timestamptz) returns text language sql immutable parallel safe as $$
    select to_char(t at time zone 'UTC', 'YYYYMMDDHH24MISSUS')
$$;

create function register_day_key(d date) returns text language sql immutable parallel safe as $$
    select to_char(d::timestamp, 'YYYYMMDD')
$$;

-- The feedback list is sorted by its window's publication of the dispositions, the window and the position in it.
-- The window's time is kept on each item published (written with it by the projector, which writes a window and its
-- items together), so that the key is one row's and can be indexed. (No function calls another of its own: an index
-- is built with the search path pg_catalog only.)
alter table feedback add column published_at timestamptz;
update feedback f set published_at = w.dispositions_published_at
from input_window w where w.generation = f.generation and w.id = f.window_id and f.published;

create function register_feedback_key(published_at timestamptz, window_id uuid, item_position integer) returns text
    language sql immutable parallel safe as $$
    select to_char(published_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || window_id::text
        || to_char(item_position, 'FM000000')
$$;

-- One index per list, on (generation, sort key, id as text) and the list's own condition: a page reads its rows
-- (and after a cursor, the rows that follow it) in order and stops.
drop index organisation_name;
create index organisation_sort on organisation (generation, lower(name), (id::text));
create index membership_period_sort on membership_period (generation, register_day_key(joined_on), (id::text))
    where joined_on is not null;
create index ad_hoc_group_sort on ad_hoc_group (generation, lower(name), (id::text)) where name is not null;
create index meeting_held_sort on meeting (generation, register_time_key(starts_at), (id::text))
    where title is not null and status in ('HELD', 'SUMMARY_PUBLISHED');
create index meeting_upcoming_sort on meeting (generation, register_time_key(starts_at), (id::text))
    where title is not null and status in ('SCHEDULED', 'RESCHEDULED');
create index meeting_request_declined_sort on meeting_request (generation, register_time_key(updated_at), (id::text))
    where status = 'DECLINED';
create index decision_sort on decision (generation, register_time_key(coalesce(closed_at, closes_at)), (id::text))
    where question is not null;
create index guidance_document_sort on guidance_document
    (generation, register_time_key(coalesce(published_at, updated_at)), (id::text)) where title is not null;
create index input_window_sort on input_window (generation, register_time_key(opens_at), (id::text))
    where status is not null;
create index feedback_sort on feedback (generation, register_feedback_key(published_at, window_id, position), (id::text))
    where published;
create index evidence_sort on evidence (generation, register_time_key(coalesce(submitted_at, updated_at)), (id::text))
    where title is not null;
create index meeting_paper_sort on meeting_paper (generation, register_time_key(circulated_at), (id::text));

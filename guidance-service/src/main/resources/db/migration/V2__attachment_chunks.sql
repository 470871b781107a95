-- Attached documents in rows of at most 256 KiB (issue 15): an upload is written chunk by chunk as it is read and a
-- download is served row by row, so that no document is ever whole in the service's heap (a bytea of one row is read
-- whole by the driver). The chunk size is EvidenceService.CHUNK_BYTES.
create table evidence_attachment_chunk (
    evidence_id  uuid     not null references evidence (id) on delete cascade,
    seq          integer  not null check (seq >= 0),
    content      bytea    not null,
    primary key (evidence_id, seq)
);
-- out of line and not compressed: PDFs, ODF and OOXML files are compressed already
alter table evidence_attachment_chunk alter column content set storage external;

-- the documents stored so far, cut into chunks of the same size (one empty chunk for an empty one, which the service
-- never stored)
insert into evidence_attachment_chunk (evidence_id, seq, content)
select a.evidence_id, s.seq, substring(a.content from s.seq * 262144 + 1 for 262144)
from evidence_attachment a
cross join lateral generate_series(0, greatest((length(a.content) - 1) / 262144, 0)) as s(seq);

drop table evidence_attachment;

-- Decisions of event type version 2: the quorum, the member organisations at closing, and what the decision decides.
alter table decision add column quorum integer;
alter table decision add column eligible integer;
alter table decision add column subject_kind varchar(30);
alter table decision add column subject_id uuid;

-- A decision has a quorum: the share of current member organisations, in percent, that must take part (YES, NO or
-- ABSTAIN) for it to have a result. Decisions opened before had none; they keep their result, and count as 1 percent.
alter table decision add column quorum integer not null default 1 check (quorum between 1 and 100);
alter table decision alter column quorum drop default;
-- The member organisations at closing, whose votes were counted and of whom the quorum is a share.
alter table decision add column eligible_organisations integer;
-- What the decision decides, if the AI Office named it.
alter table decision add column subject_kind varchar(30)
    check (subject_kind in ('STAKEHOLDER_INVITATION', 'GUIDANCE_VERSION', 'MEETING', 'MEETING_REQUEST'));
alter table decision add column subject_id uuid;
alter table decision add constraint decision_subject check ((subject_kind is null) = (subject_id is null));
alter table decision drop constraint decision_result_check;
alter table decision add constraint decision_result_check check (result in ('ADOPTED', 'REJECTED', 'NO_QUORUM'));

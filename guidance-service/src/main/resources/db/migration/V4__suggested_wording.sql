-- Suggested wording (issue 20): section-level feedback may propose a replacement text for its section. Part of the
-- feedback, with its visibility: confidential like feedback.text when the item is CONFIDENTIAL, never in an event.
alter table feedback add column proposed_text varchar(50000);
alter table feedback add constraint feedback_proposal_on_a_section check (proposed_text is null or section_key is not null);
alter table feedback_revision add column proposed_text varchar(50000);

-- The AI Office's side-by-side view reads a window's proposals on one section.
create index feedback_proposals on feedback (window_id, section_key, created_at, id) where proposed_text is not null;

-- The input a stakeholder gave: public evidence submitted ATTRIBUTED by a stakeholder whose account is linked to its
-- entry of the register (evidence-submitted's stakeholderId, ADR 0011). An id only, shown in the stakeholder's
-- history while the stakeholder is listed publicly.
alter table evidence add column stakeholder_id uuid;
create index evidence_stakeholder on evidence (generation, stakeholder_id) where stakeholder_id is not null;

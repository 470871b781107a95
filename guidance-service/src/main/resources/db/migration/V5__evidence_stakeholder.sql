-- Evidence submitted by a stakeholder whose account is linked to its entry of the stakeholder register (the token's
-- stakeholder claim, ADR 0011) names that entry, so that the stakeholder's history shows the input it gave. An id
-- only; it goes when the stakeholder is erased (the evidence stays, a contribution to the Taskforce).
alter table evidence add column stakeholder_id uuid;
create index evidence_stakeholder on evidence (stakeholder_id) where stakeholder_id is not null;

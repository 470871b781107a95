-- A stakeholder is invited by its id in membership-service's register, checked against the membership replica
-- (registered_stakeholder). Invitations made before carry an id that nobody checked: they stay as they are, readable,
-- with stakeholder_checked false, so that nobody takes their id for a verified one.
alter table invitation add column stakeholder_checked boolean not null default false;
-- a stakeholder's invitations (its history, and its erasure) are found by its id
create index invitation_stakeholder on invitation (stakeholder_id) where stakeholder_id is not null;

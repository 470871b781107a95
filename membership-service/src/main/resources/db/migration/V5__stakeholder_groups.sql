-- Third-party stakeholders and invited experts of the register taking part in ad-hoc groups (beside member
-- organisations). added_by is a token subject, pseudonymised on erasure like ad_hoc_group_participant.added_by.
create table ad_hoc_group_stakeholder (
    group_id        uuid          not null references ad_hoc_group (id),
    stakeholder_id  uuid          not null references stakeholder (id),
    added_at        timestamptz   not null,
    added_by        varchar(200)  not null,
    primary key (group_id, stakeholder_id)
);
create index ad_hoc_group_stakeholder_stakeholder on ad_hoc_group_stakeholder (stakeholder_id);

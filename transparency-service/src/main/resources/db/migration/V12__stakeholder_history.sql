-- A stakeholder's history in the register, per generation like every read-model table: the ad-hoc groups it takes part
-- in (ad-hoc-group-stakeholder-added/-removed) and the meetings it attended (meeting-held's stakeholderAttendees). Ids
-- only: whatever may be shown of the stakeholder is its own row in stakeholder (only while listed publicly), and the
-- history is served only for a stakeholder listed there.
create table ad_hoc_group_stakeholder (
    generation      integer  not null,
    group_id        uuid     not null,
    stakeholder_id  uuid     not null,
    primary key (generation, group_id, stakeholder_id)
);
create index ad_hoc_group_stakeholder_stakeholder on ad_hoc_group_stakeholder (generation, stakeholder_id);

create table meeting_stakeholder (
    generation      integer  not null,
    meeting_id      uuid     not null,
    stakeholder_id  uuid     not null,
    primary key (generation, meeting_id, stakeholder_id)
);
create index meeting_stakeholder_stakeholder on meeting_stakeholder (generation, stakeholder_id);

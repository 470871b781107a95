-- An individual's invitation whose account was erased (Regulation (EU) 2018/1725) keeps its place in the meeting's
-- history without a name: username and display name become null, erased_at says why. A pseudonym in username would
-- not do: an account of that name could sign in later and would be taken for the invitee.
alter table invitation add column erased_at timestamptz;
alter table invitation drop constraint invitation_check;
alter table invitation add constraint invitation_invitee check (
    ((organisation_id is null) <> (username is null))
    or (organisation_id is null and username is null and erased_at is not null));

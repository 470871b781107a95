-- The public lists are served from a cache while the register has not changed (query/RegisterChanges). Every
-- transaction that changes what a list shows notifies the channel register_changed; PostgreSQL delivers the
-- notification when the transaction commits, to every instance that listens on this database (several notifications
-- of one transaction are one). Triggers rather than calls in the code, so that no writer can forget: the projection
-- (every first delivery of an event inserts into register_event, then computes its aggregate's rows again), a
-- switch of the served generation, and every change of the personal data joined when a list is served.
create function register_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('register_changed', '');
    return null;
end
$$;

create trigger register_event_changed after insert on register_event
    for each statement execute function register_changed();
-- a lease renewal (every batch of a rebuild) sets neither status nor generation: only a switch or a new rebuild notifies
create trigger register_generation_changed after insert or delete or update of status on register_generation
    for each statement execute function register_changed();
create trigger disclosure_state_changed after update on disclosure_state
    for each statement execute function register_changed();
create trigger person_disclosure_changed after insert or update or delete on person_disclosure
    for each statement execute function register_changed();
create trigger disclosure_withdrawal_changed after insert or update or delete on disclosure_withdrawal
    for each statement execute function register_changed();
-- a name is PENDING while queued: only queuing and leaving the queue change that, not a retry's bookkeeping
create trigger disclosure_pending_changed after insert or delete on disclosure_pending
    for each statement execute function register_changed();

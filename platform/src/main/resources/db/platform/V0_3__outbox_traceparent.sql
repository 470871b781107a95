-- The W3C traceparent of the span that recorded the event (the request's, or a consumer's), so that the relay's
-- publish span, and through ce_traceparent the consumers' spans, join that trace. Null: recorded outside any trace.
alter table outbox_event add column trace_parent varchar(100);

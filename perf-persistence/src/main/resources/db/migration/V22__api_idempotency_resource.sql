-- Issue 11, the JSON API's creating writes (POST /api/v1/declarations, POST …/evaluation): an Idempotency-Key also
-- remembers the id of what its request created, so a retry answers with the same resource (201, same Location)
-- instead of creating a second one. Null for keys of writes that create nothing (PUT, transitions).
alter table api_idempotency_key add column resource_id bigint;

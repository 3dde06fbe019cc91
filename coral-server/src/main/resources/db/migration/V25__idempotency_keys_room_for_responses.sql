-- An idempotency key is written twice: claimed (about 230 bytes: the key, its route and principal
-- and the request's hash) and, milliseconds later, updated with the stored response (about 700
-- bytes with a typical body). With pages filled completely by claims, two updates in three found
-- no room on their page, so the new row version went elsewhere and both indexes, one of them keyed
-- by random client-chosen keys, had to point to it: a heap-only update needs room on the same page.
-- Filling pages with claims to a third leaves the room their responses take, so the update stays
-- on its page and touches no index. New pages take the setting; existing ones keep their rows.
alter table idempotency_keys set (fillfactor = 30);

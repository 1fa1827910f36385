-- A member's search asks for a word in a few conversations. With the word and the conversation in separate
-- indexes, PostgreSQL read each into a bitmap and intersected them: for a common word and three large rooms two
-- bitmaps of 100,000 rows each, which no longer fit work_mem, went lossy, and had the search recheck 370,000 rows
-- on 32,000 pages to find 11,000 (docs/performance.md). One GIN index over (conversation, words) finds the rows
-- with both in the index itself, so the bitmap holds only the matches and stays exact. Administrators' searches,
-- which name no conversation, use the words column of the same index, so it replaces V120's.
--
-- btree_gin gives GIN the equality of bigint. It ships with PostgreSQL (contrib) and is a trusted extension, so
-- the owner that runs the migrations creates it in its own database without being a superuser; the
-- application's role needs nothing new: it never names the extension, and an index needs no privilege.
create extension if not exists btree_gin;

-- The predicate of V120's index, word for word: TextSearch repeats it so that the planner uses the index.
create index message_search_conversation_idx on message using gin (conversation_id, search_vector)
    where kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE') and deleted_at is null;

drop index message_search_idx;

-- Full-text search over what people wrote: the text of a message and the name of a file, as they stand now
-- (an edit rewrites the message's own row, a deletion blanks it), one vector per text configuration. Each
-- configuration finds what the others miss: 'english' and 'german' match other forms of a word (fevers, Fieber),
-- 'simple' matches the exact word in any language and names that no stemmer knows. Generated columns, so no
-- write path can forget them and retention's and erasure's deletions take them along with the row.
alter table message
    add column search_simple tsvector generated always as
        (to_tsvector('simple'::regconfig, coalesce(file_name, '') || ' ' || body)) stored,
    add column search_english tsvector generated always as
        (to_tsvector('english'::regconfig, coalesce(file_name, '') || ' ' || body)) stored,
    add column search_german tsvector generated always as
        (to_tsvector('german'::regconfig, coalesce(file_name, '') || ' ' || body)) stored;

-- Only entries a person can find: posts and files, not edits (their text is the message's now) or deletions,
-- and nothing deleted. The search repeats this predicate word for word so that the planner uses these indexes.
create index message_search_simple_idx on message using gin (search_simple)
    where kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE') and deleted_at is null;
create index message_search_english_idx on message using gin (search_english)
    where kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE') and deleted_at is null;
create index message_search_german_idx on message using gin (search_german)
    where kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE') and deleted_at is null;

-- Nothing to grant: the application's role already reads message (V081), and an index needs no privilege.

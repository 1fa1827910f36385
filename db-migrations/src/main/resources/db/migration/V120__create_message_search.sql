-- Full-text search over what people wrote: the text of a message and the name of a file, as they stand now
-- (an edit rewrites the message's own row, a deletion blanks it). One vector holds the words three ways, each
-- finding what the others miss: 'simple' keeps the exact words of any language (and names no stemmer knows),
-- weighted A so that an exact match ranks above another form of the word; 'english' and 'german' add the stems
-- (fevers finds fever, Kopfschmerz finds Kopfschmerzen), weight D. One vector and one index rather than one per
-- language: a search reads one index, the row stays narrow, and the planner's word statistics stay exact.
-- Generated, so no write path can forget it, and retention's and erasure's deletions take it with the row.
alter table message
    add column search_vector tsvector generated always as (
        setweight(to_tsvector('simple'::regconfig, coalesce(file_name, '') || ' ' || body), 'A')
        || to_tsvector('english'::regconfig, coalesce(file_name, '') || ' ' || body)
        || to_tsvector('german'::regconfig, coalesce(file_name, '') || ' ' || body)) stored;

-- Only entries a person can find: posts and files, not edits (their text is the message's now) or deletions,
-- and nothing deleted. The search repeats this predicate word for word so that the planner uses the index.
create index message_search_idx on message using gin (search_vector)
    where kind in ('TEXT', 'RECOMMENDATION', 'NOTE', 'FILE') and deleted_at is null;

-- Nothing to grant: the application's role already reads message (V081), and an index needs no privilege.

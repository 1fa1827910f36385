-- Edits and deletions travel in the message stream as entries of their own (kind EDIT or DELETE, ref_seq
-- naming the changed message), so they take the same path as messages: numbered, stored before ack, pushed
-- after commit, and found again by catch-up from the last seq a client holds. The changed message itself
-- carries its current text and when it was edited or deleted, so a client starting from nothing reads it
-- right at once.
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check check (kind in ('TEXT', 'EDIT', 'DELETE'));
alter table message add column ref_seq bigint;
alter table message add column edited_at timestamptz;
alter table message add column deleted_at timestamptz;
alter table message add constraint message_change_has_ref
    check ((kind = 'TEXT') = (ref_seq is null));

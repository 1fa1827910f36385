-- A FILE_UPDATE entry names the file entry it changes, as an edit or deletion names its message.
alter table message drop constraint message_change_has_ref;
alter table message add constraint message_change_has_ref
    check ((kind in ('EDIT', 'DELETE', 'FILE_UPDATE')) = (ref_seq is not null));

-- A file's clinical kind and whether a specialist verified it. Kept on the FILE entry, where the rest of what
-- members see of a file is, and copied onto each FILE_UPDATE entry that changes them: such an entry is a numbered
-- entry of the stream like an edit (it names the file entry's seq in ref_seq), so a change reaches every member
-- live, in catch-up and over polling, and the file entry itself always shows the state as it stands.
alter table message add column file_kind varchar(20);
alter table message add column file_verified_by bigint references account (id);
alter table message add column file_verified_by_name varchar(200);
alter table message add column file_verified_at timestamptz;

update message set file_kind = case
        when file_type like 'image/%' then 'IMAGE'
        when file_type like 'audio/%' then 'AUDIO'
        else 'OTHER' end
    where file_id is not null;

alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('TEXT', 'EDIT', 'DELETE', 'RECOMMENDATION', 'NOTE', 'FILE', 'FILE_UPDATE'));

alter table message drop constraint message_file_has_attachment;
alter table message add constraint message_file_has_attachment
    check ((kind in ('FILE', 'FILE_UPDATE')) = (file_id is not null));
alter table message add constraint message_file_kind_check
    check ((kind in ('FILE', 'FILE_UPDATE')) = (file_kind is not null)
        and (file_kind is null or file_kind in
            ('CERTIFICATE', 'LAB_RESULT', 'PRESCRIPTION', 'REFERRAL', 'IMAGE', 'AUDIO', 'OTHER')));
alter table message add constraint message_file_verified_complete
    check ((file_verified_by is null) = (file_verified_at is null));

-- One FILE entry per attachment; its updates name it too.
drop index message_file_idx;
create unique index message_file_idx on message (file_id) where kind = 'FILE';
create index message_file_update_idx on message (file_id) where kind = 'FILE_UPDATE';

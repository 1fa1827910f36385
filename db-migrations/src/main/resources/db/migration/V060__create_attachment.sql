-- Files sent in conversations. The bytes live in attachment_chunk rows of at most 256 KB, written and read one
-- at a time, so neither the server nor the driver ever holds a whole file; plain rows rather than large objects
-- because they go with their attachment when it is deleted (large objects would be orphaned and need vacuumlo)
-- and need nothing beyond standard JDBC.
create sequence attachment_seq start with 1 increment by 50;

create table attachment (
    id              bigint       primary key,
    conversation_id bigint       not null references conversation (id),
    uploader_id     bigint       not null references account (id),
    -- RECEIVING while the bytes arrive (each chunk commits on its own, so a slow upload holds no connection);
    -- STORED once posted as an entry of its conversation. A cut-off or refused upload is deleted whole.
    status          varchar(16)  not null,
    -- The sanitised name, for display only; storage uses the id.
    display_name    varchar(200) not null,
    media_type      varchar(40),
    size_bytes      bigint,
    sha256          char(64),
    created_at      timestamptz  not null,
    removed_at      timestamptz,
    constraint attachment_status_check check (status in ('RECEIVING', 'STORED')),
    constraint attachment_stored_complete
        check (status <> 'STORED' or (media_type is not null and size_bytes > 0 and sha256 is not null))
);
create index attachment_uploader_idx on attachment (uploader_id, created_at);
create index attachment_receiving_idx on attachment (created_at) where status = 'RECEIVING';

-- part: 0 the content served, 1 an upload as received (a photo before its metadata is removed), 2 a preview image.
create table attachment_chunk (
    attachment_id bigint   not null references attachment (id) on delete cascade,
    part          smallint not null,
    n             integer  not null,
    bytes         bytea    not null,
    primary key (attachment_id, part, n)
);

-- A file is an entry of its conversation's stream like any message (kind FILE, the caption as its body), so it is
-- numbered, stored, pushed and caught up the same way, and a resend with the same client id finds it.
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('TEXT', 'EDIT', 'DELETE', 'RECOMMENDATION', 'NOTE', 'FILE'));
alter table message add column file_id bigint references attachment (id);
alter table message add column file_name varchar(200);
alter table message add column file_type varchar(40);
alter table message add column file_size bigint;
alter table message add constraint message_file_has_attachment check ((kind = 'FILE') = (file_id is not null));
create unique index message_file_idx on message (file_id) where file_id is not null;

-- A file entry deleted by its sender or removed by a moderator takes its bytes with it, in the same transaction,
-- whichever path deleted it; messaging knows nothing of where the bytes are kept.
create function attachment_forget_deleted_file() returns trigger
    language plpgsql as $$
begin
    delete from attachment_chunk where attachment_id = new.file_id;
    update attachment set removed_at = new.deleted_at, display_name = '' where id = new.file_id;
    return new;
end;
$$;

create trigger message_file_deleted
    after update of deleted_at on message
    for each row when (new.file_id is not null and new.deleted_at is not null and old.deleted_at is null)
    execute function attachment_forget_deleted_file();

-- Retention: closed consultations and room chat are purged once their period has run, unless a legal hold
-- keeps them. A hold names one consultation or one person (everything they took part in); released holds stay
-- as the record of when the hold applied.
create sequence legal_hold_seq start with 1 increment by 50;

create table legal_hold (
    id              bigint       primary key,
    consultation_id bigint       references consultation (id),
    account_id      bigint       references account (id),
    reason          varchar(500) not null,
    placed_by       bigint       not null references account (id),
    placed_at       timestamptz  not null,
    released_by     bigint       references account (id),
    released_at     timestamptz,
    constraint legal_hold_one_target check ((consultation_id is null) <> (account_id is null)),
    constraint legal_hold_released_by check ((released_at is null) = (released_by is null))
);
create index legal_hold_active_consultation_idx on legal_hold (consultation_id) where released_at is null;
create index legal_hold_active_account_idx on legal_hold (account_id) where released_at is null;

-- Runs of sequence numbers a purge removed, so that catch-up can tell browsers to drop their copies and to
-- count the numbers as known (a conversation's numbers otherwise have no gaps). Adjacent runs are merged.
create table purged_range (
    conversation_id bigint      not null references conversation (id),
    from_seq        bigint      not null,
    to_seq          bigint      not null,
    purged_at       timestamptz not null,
    primary key (conversation_id, from_seq),
    constraint purged_range_order check (from_seq <= to_seq)
);

-- A purged consultation keeps a row with no health information, so the foreign keys and the audit trail that
-- name it still resolve.
alter table consultation add column purged_at timestamptz;
create index consultation_closed_idx on consultation (closed_at) where status = 'CLOSED' and purged_at is null;
create index message_conversation_created_idx on message (conversation_id, created_at);

-- Rows of rooms that point at a message go with it, whichever path deletes it; messaging knows nothing of them.
alter table focus_group_pin drop constraint focus_group_pin_message_id_fkey;
alter table focus_group_pin add constraint focus_group_pin_message_id_fkey
    foreign key (message_id) references message (id) on delete cascade;
alter table recommendation_ack drop constraint recommendation_ack_message_id_fkey;
alter table recommendation_ack add constraint recommendation_ack_message_id_fkey
    foreign key (message_id) references message (id) on delete cascade;
alter table message_report drop constraint message_report_message_id_fkey;
alter table message_report add constraint message_report_message_id_fkey
    foreign key (message_id) references message (id) on delete cascade;

-- A purged file entry takes its file with it (the chunks, previews included, cascade from the attachment), as a
-- deleted one does (V060).
create function attachment_forget_purged_file() returns trigger
    language plpgsql as $$
begin
    delete from attachment where id = old.file_id;
    return old;
end;
$$;

create trigger message_file_purged
    after delete on message
    for each row when (old.file_id is not null)
    execute function attachment_forget_purged_file();

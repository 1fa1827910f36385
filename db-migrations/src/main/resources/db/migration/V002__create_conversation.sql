-- A conversation is the ordered stream of messages behind a consultation or a room.
-- last_seq is bumped with UPDATE ... RETURNING in the transaction that stores the message, so sequence
-- numbers are gap-free per conversation and the row lock orders concurrent writers.
create sequence conversation_seq start with 1 increment by 50;

create table conversation (
    id         bigint      primary key,
    kind       varchar(16) not null,
    last_seq   bigint      not null default 0,
    created_at timestamptz not null,
    constraint conversation_kind_check check (kind in ('CONSULTATION', 'ROOM'))
);

-- Who may read and write a conversation, and who receives its messages.
create table conversation_member (
    conversation_id bigint      not null references conversation (id),
    account_id      bigint      not null references account (id),
    joined_at       timestamptz not null,
    primary key (conversation_id, account_id)
);
create index conversation_member_account_idx on conversation_member (account_id);

create sequence message_seq start with 1 increment by 50;

-- (sender_id, client_id) is unique: a client that resends after a lost ack gets the stored message back,
-- and the database, not memory, guarantees there is never a second copy.
create table message (
    id              bigint      primary key,
    conversation_id bigint      not null references conversation (id),
    seq             bigint      not null,
    sender_id       bigint      not null references account (id),
    client_id       uuid        not null,
    kind            varchar(16) not null default 'TEXT',
    body            text        not null,
    created_at      timestamptz not null,
    constraint message_conversation_seq_key unique (conversation_id, seq),
    constraint message_sender_client_key unique (sender_id, client_id),
    constraint message_kind_check check (kind in ('TEXT'))
);

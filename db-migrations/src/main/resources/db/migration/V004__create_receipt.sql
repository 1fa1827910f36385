-- How far each member has received and read each conversation. Both numbers only ever grow, and reading
-- implies receiving, so one row per member and conversation says everything about delivery state.
create table receipt (
    conversation_id bigint      not null references conversation (id),
    account_id      bigint      not null references account (id),
    delivered_seq   bigint      not null default 0,
    read_seq        bigint      not null default 0,
    updated_at      timestamptz not null,
    primary key (conversation_id, account_id),
    constraint receipt_read_implies_delivered check (read_seq <= delivered_seq)
);

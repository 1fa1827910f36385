-- Specialists' posts (recommendations and notes) beside plain text, and removal by a moderator, which is a
-- DELETE entry like a sender's own deletion but marked, so everyone sees who took the message down.
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('TEXT', 'EDIT', 'DELETE', 'RECOMMENDATION', 'NOTE'));
alter table message drop constraint message_change_has_ref;
alter table message add constraint message_change_has_ref
    check ((kind in ('EDIT', 'DELETE')) = (ref_seq is not null));
alter table message add column removed_by_moderator boolean not null default false;

-- A focus group: a room for patients with the same condition, run by clinic staff.
create sequence focus_group_seq start with 1 increment by 50;

create table focus_group (
    id              bigint       primary key,
    conversation_id bigint       not null references conversation (id),
    name            varchar(120) not null,
    topic           varchar(80)  not null,
    description     text         not null default '',
    join_policy     varchar(16)  not null,
    hold_for_review boolean      not null default false,
    created_by      bigint       not null references account (id),
    created_at      timestamptz  not null,
    archived_at     timestamptz,
    version         bigint       not null default 0,
    constraint focus_group_conversation_key unique (conversation_id),
    constraint focus_group_join_policy_check check (join_policy in ('OPEN', 'APPROVAL'))
);
create index focus_group_topic_idx on focus_group (lower(topic));

-- Everyone who ever asked to join or joined, with their state. A ban outlives leaving, so the row stays.
-- The pseudonym is how other patients see this person; it is unique in the room, whatever the case. The
-- handle (random) stands for the person towards the room's members instead of the account id, which would
-- link their pseudonyms across rooms.
create table focus_group_member (
    focus_group_id bigint      not null references focus_group (id),
    account_id     bigint      not null references account (id),
    pseudonym      varchar(80) not null,
    handle         bigint      not null,
    status         varchar(16) not null,
    muted_until    timestamptz,
    requested_at   timestamptz not null,
    decided_at     timestamptz,
    version        bigint      not null default 0,
    primary key (focus_group_id, account_id),
    constraint focus_group_member_status_check
        check (status in ('REQUESTED', 'ACTIVE', 'DECLINED', 'LEFT', 'REMOVED', 'BANNED'))
);
create unique index focus_group_member_pseudonym_key on focus_group_member (focus_group_id, lower(pseudonym));
create index focus_group_member_account_idx on focus_group_member (account_id);
create unique index focus_group_member_handle_key on focus_group_member (focus_group_id, handle);

-- A message pinned on top of its room. One pin per message.
create table focus_group_pin (
    focus_group_id bigint      not null references focus_group (id),
    message_id     bigint      not null references message (id),
    pinned_by      bigint      not null references account (id),
    pinned_at      timestamptz not null,
    primary key (focus_group_id, message_id)
);

-- A patient confirming they have read a recommendation. Once per patient and message.
create table recommendation_ack (
    message_id bigint      not null references message (id),
    account_id bigint      not null references account (id),
    acked_at   timestamptz not null,
    primary key (message_id, account_id)
);

-- A member flagging a message for the moderators. One open report per reporter and message.
create sequence message_report_seq start with 1 increment by 50;

create table message_report (
    id             bigint       primary key,
    focus_group_id bigint       not null references focus_group (id),
    message_id     bigint       not null references message (id),
    reporter_id    bigint       not null references account (id),
    reason         varchar(500) not null,
    reported_at    timestamptz  not null,
    resolved_by    bigint       references account (id),
    resolved_at    timestamptz,
    resolution     varchar(500),
    constraint message_report_resolved check ((resolved_at is null) = (resolved_by is null))
);
create unique index message_report_open_key on message_report (message_id, reporter_id) where resolved_at is null;
create index message_report_open_idx on message_report (focus_group_id) where resolved_at is null;

-- A patient's post in a room that holds posts for review: outside the numbered stream until a moderator
-- releases it, so the others never see a gap or a hidden number. (sender_id, client_id) is unique like
-- the message's, so resending a held post changes nothing.
create sequence held_post_seq start with 1 increment by 50;

create table held_post (
    id             bigint      primary key,
    focus_group_id bigint      not null references focus_group (id),
    sender_id      bigint      not null references account (id),
    client_id      uuid        not null,
    body           text        not null,
    held_at        timestamptz not null,
    status         varchar(16) not null default 'HELD',
    decided_by     bigint      references account (id),
    decided_at     timestamptz,
    constraint held_post_sender_client_key unique (sender_id, client_id),
    constraint held_post_status_check check (status in ('HELD', 'RELEASED', 'REJECTED'))
);
create index held_post_waiting_idx on held_post (focus_group_id) where status = 'HELD';

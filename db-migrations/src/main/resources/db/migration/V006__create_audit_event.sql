-- Who looked at or took what, and when: one row per access to health information that must be accounted
-- for (transcript views and downloads, administrators' access). Rows are only ever added.
create sequence audit_event_seq start with 1 increment by 50;

-- actor_id and target_id carry no foreign keys on purpose: the trail must outlive, and never block, changes
-- to what it points at, and actor_username keeps the name the person had at the time.
create table audit_event (
    id             bigint       primary key,
    occurred_at    timestamptz  not null,
    actor_id       bigint       not null,
    actor_username varchar(40)  not null,
    actor_role     varchar(16)  not null,
    -- True when only the administrator role let the actor in, not taking part in the consultation.
    admin_access   boolean      not null,
    action         varchar(40)  not null,
    target_type    varchar(40)  not null,
    target_id      bigint,
    detail         varchar(500)
);
create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc);
create index audit_event_target_idx on audit_event (target_type, target_id, occurred_at desc);
create index audit_event_actor_idx on audit_event (actor_id, occurred_at desc);

-- Append-only in the database itself, not only in the application. A trigger rather than REVOKE: the
-- application connects as the owner of its tables, and an owner (or superuser) is not held back by
-- revoked privileges, whereas the trigger stops every role until a migration visibly drops it.
-- Retention (deleting old rows) is a later decision and will need its own, deliberate migration.
create function audit_event_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

-- Tamper evidence for the audit trail: every row carries the SHA-256 of its own canonical form
-- followed by the previous row's hash, so changing, removing or reordering a row breaks the chain
-- from there on. The database computes the link itself (a trigger), so every writer, whatever its
-- code path, forms the same chain and the application cannot supply a hash of its choosing.
alter table audit_event
    add column chain_seq bigint,
    add column prev_hash char(64),
    add column row_hash  char(64);

-- The end of the chain. Appending locks this one row until the writer commits: concurrent writers
-- queue here for the few microseconds of an insert, and their rows join the chain in commit order.
create table audit_chain_head (
    id        smallint primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

-- The canonical form that is hashed. JSON of the values in a fixed order (escaping is JSON's, so no
-- value can imitate a separator); the time as microseconds since the epoch, which no session's time
-- zone or date style can change. A column added to audit_event later is not covered until a new
-- version of this function (and a new link rule for rows from then on) says so.
create function audit_event_canonical(e audit_event) returns text
    language sql immutable as $$
    select json_build_array(
        e.id, e.chain_seq, (extract(epoch from e.occurred_at) * 1000000)::bigint,
        e.actor_id, e.actor_username, e.actor_role, e.admin_access,
        e.action, e.target_type, e.target_id, e.detail, e.client_address)::text
$$;

create function audit_event_link(canonical text, previous char(64)) returns char(64)
    language sql immutable as $$
    select encode(sha256(convert_to(previous || canonical, 'UTF8')), 'hex')
$$;

-- Runs as the owner (security definer), so the application's role needs no right on the head row.
create function audit_event_chain() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    head audit_chain_head%rowtype;
begin
    select * into head from audit_chain_head where id = 1 for update;
    new.chain_seq := head.last_seq + 1;
    new.prev_hash := head.last_hash;
    new.row_hash := audit_event_link(audit_event_canonical(new), head.last_hash);
    update audit_chain_head set last_seq = new.chain_seq, last_hash = new.row_hash where id = 1;
    return new;
end;
$$;

-- Rows written before the chain existed join it in the order they happened.
alter table audit_event disable trigger audit_event_no_update_or_delete;
do $$
declare
    r         audit_event;
    seq       bigint   := 0;
    link      char(64) := repeat('0', 64);
begin
    for r in select * from audit_event order by occurred_at, id loop
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := link;
        r.row_hash := audit_event_link(audit_event_canonical(r), link);
        update audit_event
           set chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash
         where id = r.id;
        link := r.row_hash;
    end loop;
    update audit_chain_head set last_seq = seq, last_hash = link where id = 1;
end;
$$;
alter table audit_event enable trigger audit_event_no_update_or_delete;

alter table audit_event
    alter column chain_seq set not null,
    alter column prev_hash set not null,
    alter column row_hash set not null;
create unique index audit_event_chain_idx on audit_event (chain_seq);

create trigger audit_event_chain
    before insert on audit_event
    for each row execute function audit_event_chain();

-- Walks the chain in order and reports the first broken link: a row whose hash does not match its
-- content and predecessor, a gap in the sequence (a row removed), or a head that is ahead of the last
-- row (rows removed from the end). One snapshot for the walk and the head (stable).
create function audit_chain_verify(out checked bigint, out broken_id bigint,
                                   out broken_at timestamptz, out reason text)
    language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
    r        audit_event;
    expected bigint   := 0;
    previous char(64) := repeat('0', 64);
    head     audit_chain_head%rowtype;
begin
    checked := 0;
    for r in select * from audit_event order by chain_seq loop
        expected := expected + 1;
        if r.chain_seq <> expected then
            broken_id := r.id; broken_at := r.occurred_at; reason := 'MISSING_BEFORE';
            return;
        end if;
        if r.prev_hash <> previous
           or r.row_hash <> audit_event_link(audit_event_canonical(r), previous) then
            broken_id := r.id; broken_at := r.occurred_at; reason := 'ALTERED';
            return;
        end if;
        previous := r.row_hash;
        checked := checked + 1;
    end loop;
    select * into head from audit_chain_head where id = 1;
    if head.last_seq <> expected or head.last_hash <> previous then
        reason := 'MISSING_AT_END';
    end if;
end;
$$;

-- The application connects as a role of its own, not as the owner of the schema: it reads and
-- writes the data, but cannot change the schema's tables, and may only add to the audit trail.
-- Migrations run as the owner. ${app_role} is the application's role (the datasource's user). When
-- the application still connects as the owner, nothing is granted or revoked: an owner cannot be
-- held back by privileges, and revoking its own would only break it.
do $$
declare
    app constant name := '${app_role}';
begin
    if app = current_user then
        raise notice 'The application connects as the schema owner %; its audit rows are protected by triggers only.', app;
        return;
    end if;
    -- Roles belong to the whole cluster, which several databases may share: create it only if no
    -- database did so before (and tolerate one doing it at this very moment). Without login until
    -- the database preparation step gives it one with the configured password.
    if not exists (select 1 from pg_roles where rolname = app) then
        begin
            execute format('create role %I nologin', app);
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;

    execute format('grant connect on database %I to %I', current_database(), app);
    -- Create on the schema only for the web session store's table, which the server's session
    -- cache creates on start and owns (its layout is the cache's, not a migration's).
    execute format('grant usage, create on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    -- Tables and sequences that later migrations create (as this role) get the same grants.
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);

    -- The exceptions: the migration history is the owner's, the chain head is moved only by the
    -- chain trigger (which runs as the owner), and audit rows are appended, never changed.
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    execute format('revoke all on audit_chain_head from %I', app);
    execute format('revoke update, delete, truncate on audit_event from %I', app);
end;
$$;

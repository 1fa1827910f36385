-- Logins are audited too, with the client's address. A failed login for a username no account has
-- has no actor (the typed text is not kept: people type passwords into the username field).
alter table audit_event
    alter column actor_id drop not null,
    alter column actor_username drop not null,
    alter column actor_role drop not null,
    add column client_address varchar(64);

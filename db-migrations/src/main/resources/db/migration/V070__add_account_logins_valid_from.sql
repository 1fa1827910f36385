-- Logins from before this moment are void: set when an administrator disables an account, resets its
-- password or changes its role, so that a session on any node, or one restored from a session store,
-- is refused at its next request. Null: every login since the account exists counts.
alter table account add column logins_valid_from timestamptz;

-- The administrator's list searches names and usernames by their start and filters by role and status.
create index account_role_status_idx on account (role, status);

-- Each node asks every few seconds whose logins ended lately, to close its own sockets of them.
create index account_logins_valid_from_idx on account (logins_valid_from)
    where logins_valid_from is not null;

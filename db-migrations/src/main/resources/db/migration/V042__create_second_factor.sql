-- An optional second factor for logins: a TOTP secret per account (confirmed once the person has
-- shown a code from their app) and single-use recovery codes, kept only as SHA-256 hashes (they are
-- random and long, so a slow hash adds nothing).
create table account_second_factor (
    account_id   bigint      primary key references account (id),
    secret       varchar(64) not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    -- The last 30-second step whose code was accepted: a code is never accepted twice.
    last_step    bigint      not null default 0
);

create table account_recovery_code (
    account_id bigint      not null references account (id),
    code_hash  char(64)    not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);

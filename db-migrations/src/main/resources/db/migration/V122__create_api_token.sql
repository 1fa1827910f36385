-- Tokens that other systems of the site use to call the REST API. Only a token's SHA-256 is kept: the
-- secret is shown once, when an administrator creates it. A token acts as one account (its calls see
-- what that account may see) and only within its scopes, until it expires or is revoked.
create sequence api_token_seq start with 1 increment by 50;

create table api_token (
    id           bigint        primary key,
    name         varchar(80)   not null,
    account_id   bigint        not null references account (id),
    token_hash   char(64)      not null unique,
    scopes       varchar(400)  not null,
    created_by   bigint        not null references account (id),
    created_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    constraint api_token_expiry check (expires_at > created_at)
);

create index api_token_created_idx on api_token (created_at desc);

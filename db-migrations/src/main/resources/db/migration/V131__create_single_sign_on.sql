-- People who arrive by single sign-on from the site's identity provider. A provider names a person by
-- its issuer and subject (a subject is unique only within its issuer); the account is ours.
create table sso_link (
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    account_id bigint       not null unique references account (id) on delete cascade,
    linked_at  timestamptz  not null,
    primary key (issuer, subject)
);

-- A provider login carried over to the chat's own session: the sign-on module hands the browser a
-- one-time ticket, which the chat redeems within a minute. Only its SHA-256 is kept.
create table sso_ticket (
    ticket_hash char(64)    primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    expires_at  timestamptz not null
);

create index sso_ticket_expiry_idx on sso_ticket (expires_at);

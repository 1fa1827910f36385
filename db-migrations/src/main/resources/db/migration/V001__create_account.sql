-- People who use ConsultChat. Usernames are stored lower-case so that "Anna" and "anna" are one account.
create sequence account_seq start with 1 increment by 50;

create table account (
    id                       bigint       primary key,
    username                 varchar(40)  not null,
    display_name             varchar(80)  not null,
    password_hash            varchar(512) not null,
    role                     varchar(16)  not null,
    status                   varchar(16)  not null default 'ACTIVE',
    password_change_required boolean      not null default false,
    created_at               timestamptz  not null,
    version                  bigint       not null default 0,
    constraint account_username_key unique (username),
    constraint account_username_lower check (username = lower(username)),
    constraint account_role_check check (role in ('PATIENT', 'STAFF', 'ADMIN')),
    constraint account_status_check check (status in ('ACTIVE', 'DISABLED'))
);

-- A person's request to have their data erased, and what an administrator decided. Kept after the
-- decision: the person sees its outcome, and the clinic can show it answered every request.
create sequence erasure_request_seq start with 1 increment by 50;

create table erasure_request (
    id           bigint       primary key,
    account_id   bigint       not null references account (id),
    requested_at timestamptz  not null,
    status       varchar(16)  not null,
    decided_at   timestamptz,
    decided_by   bigint       references account (id),
    reason       varchar(500),
    version      bigint       not null default 0,
    constraint erasure_request_status_check check (status in ('PENDING', 'CARRIED_OUT', 'DECLINED')),
    constraint erasure_request_decided check ((status = 'PENDING') = (decided_at is null))
);

-- At most one open request per person; the administrators' list is newest first.
create unique index erasure_request_pending_idx on erasure_request (account_id) where status = 'PENDING';
create index erasure_request_requested_idx on erasure_request (requested_at desc);

-- An erased account: pseudonymised, no password, no second factor, never active again.
alter table account drop constraint account_status_check;
alter table account add constraint account_status_check check (status in ('ACTIVE', 'DISABLED', 'ERASED'));

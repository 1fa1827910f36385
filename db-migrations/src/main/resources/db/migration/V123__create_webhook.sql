-- Webhooks: addresses of the site's other systems that are told when something happens. A delivery row
-- is written in the transaction of what it reports (so it exists exactly when that committed) and sent
-- afterwards, retried with growing waits until the receiver answers 2xx or the attempts run out.
create sequence webhook_seq start with 1 increment by 50;

create table webhook (
    id          bigint        primary key,
    url         varchar(2000) not null,
    events      varchar(400)  not null,
    -- The signing secret must be readable to sign; it is shown to the administrator once.
    secret      varchar(100)  not null,
    created_by  bigint        not null references account (id),
    created_at  timestamptz   not null,
    removed_at  timestamptz
);

create sequence webhook_delivery_seq start with 1 increment by 1;

create table webhook_delivery (
    id              bigint        primary key,
    webhook_id      bigint        not null references webhook (id),
    event           varchar(40)   not null,
    -- What the event is about, so that one change is reported once to each webhook (e.g. taken:42:7).
    subject         varchar(120)  not null,
    payload         text          not null,
    created_at      timestamptz   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    claimed_until   timestamptz,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    last_status     integer,
    last_error      varchar(200),
    constraint webhook_delivery_once unique (webhook_id, subject)
);

-- The sender's question: what is due and not finished, oldest first.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at)
    where delivered_at is null and abandoned_at is null;
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at desc);

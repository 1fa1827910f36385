-- A consultation in which the patient wrote something that may be an emergency: flagged for staff
-- and first in the queue from then on. Who saw the flag is in the audit log; the seen table only
-- keeps each person's first sight in each place (queue, chat), so a reloading queue does not fill the log.
create table consultation_urgency (
    consultation_id bigint      primary key references consultation (id),
    raised_at       timestamptz not null,
    message_seq     bigint      not null
);

create table consultation_urgency_seen (
    consultation_id bigint      not null references consultation (id),
    account_id      bigint      not null references account (id),
    place           varchar(16) not null,
    seen_at         timestamptz not null,
    primary key (consultation_id, account_id, place)
);

-- The consultation's full life: handed over between specialists, closed with a summary, followed up.
alter table consultation drop constraint consultation_status_check;
alter table consultation add constraint consultation_status_check
    check (status in ('REQUESTED', 'ACTIVE', 'TRANSFERRED', 'CLOSED'));
alter table consultation add constraint consultation_closed_with_summary
    check (status <> 'CLOSED' or (summary is not null and closed_at is not null));
alter table consultation add column follow_up_of bigint references consultation (id);

-- A closed conversation keeps its history but takes no more messages.
alter table conversation add column closed_at timestamptz;

create sequence handover_seq start with 1 increment by 50;

-- Who handed a consultation to whom, and what the next specialist should know. Staff only.
create table handover (
    id              bigint      primary key,
    consultation_id bigint      not null references consultation (id),
    from_staff_id   bigint      not null references account (id),
    to_staff_id     bigint      not null references account (id),
    note            text        not null,
    created_at      timestamptz not null
);
create index handover_consultation_idx on handover (consultation_id);

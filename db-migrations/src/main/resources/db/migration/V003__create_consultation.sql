-- A patient's request for advice and its life from the queue to the end.
create sequence consultation_seq start with 1 increment by 50;

create table consultation (
    id              bigint       primary key,
    conversation_id bigint       not null references conversation (id),
    patient_id      bigint       not null references account (id),
    staff_id        bigint       references account (id),
    subject         varchar(200) not null,
    status          varchar(16)  not null,
    requested_at    timestamptz  not null,
    taken_at        timestamptz,
    closed_at       timestamptz,
    summary         text,
    version         bigint       not null default 0,
    constraint consultation_conversation_key unique (conversation_id),
    constraint consultation_status_check check (status in ('REQUESTED', 'ACTIVE', 'CLOSED')),
    constraint consultation_staff_when_taken check (status = 'REQUESTED' or staff_id is not null)
);
create index consultation_patient_idx on consultation (patient_id);
create index consultation_staff_idx on consultation (staff_id);
create index consultation_waiting_idx on consultation (requested_at) where status = 'REQUESTED';

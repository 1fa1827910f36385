-- Specialties route requests: staff have one or more, a patient picks one (or none, meaning general) when
-- asking, and the queue filters by it.
create sequence specialty_seq start with 1 increment by 50;

create table specialty (
    id         bigint      primary key,
    name       varchar(80) not null,
    created_at timestamptz not null,
    constraint specialty_name_not_blank check (length(btrim(name)) > 0)
);
-- "Dermatology" and "dermatology" are the same specialty.
create unique index specialty_name_key on specialty (lower(name));

create table staff_specialty (
    account_id   bigint not null references account (id),
    specialty_id bigint not null references specialty (id),
    primary key (account_id, specialty_id)
);
create index staff_specialty_specialty_idx on staff_specialty (specialty_id);

alter table consultation add column specialty_id bigint references specialty (id);

-- A consultation can be handed over to a specialty instead of a person: it goes back to the queue of that
-- specialty, marked as handed over, with no one in charge until someone takes it.
alter table consultation drop constraint consultation_staff_when_taken;
alter table consultation add constraint consultation_staff_when_taken
    check (status in ('REQUESTED', 'TRANSFERRED') or staff_id is not null);
drop index consultation_waiting_idx;
create index consultation_waiting_idx on consultation (requested_at) where staff_id is null;

alter table handover alter column to_staff_id drop not null;
alter table handover add column to_specialty_id bigint references specialty (id);
alter table handover add constraint handover_has_target
    check (to_staff_id is not null or to_specialty_id is not null);

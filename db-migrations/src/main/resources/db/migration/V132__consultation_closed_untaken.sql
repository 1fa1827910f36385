-- A request whose patient's data is erased before anyone took it closes without anyone in charge:
-- nobody is left to answer it. Only a consultation in progress must have its specialist.
alter table consultation drop constraint consultation_staff_when_taken;
alter table consultation add constraint consultation_staff_when_taken
    check (status in ('REQUESTED', 'TRANSFERRED', 'CLOSED') or staff_id is not null);

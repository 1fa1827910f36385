-- A consultation may be scheduled: outside its window the patient reads, and writes only if the specialist
-- has switched "patient may reply" on.
alter table consultation add column window_start timestamptz;
alter table consultation add column window_end timestamptz;
alter table consultation add column patient_may_reply boolean not null default false;
alter table consultation add constraint consultation_window_complete
    check ((window_start is null) = (window_end is null) and (window_start is null or window_start < window_end));

-- Messaging knows nothing of appointments: a feature that limits when a member may write says so on the
-- member row, and the message path enforces it.
alter table conversation_member add column writes_from timestamptz;
alter table conversation_member add column writes_until timestamptz;

-- An administrator who disables a specialist sends their open consultations back to the queue they came
-- from; for a request made to any specialist that is the general queue, named by neither a member of staff
-- nor a specialty.
alter table handover drop constraint handover_has_target;

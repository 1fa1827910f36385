-- Settings an administrator changed at run time, by the name of their system property. A setting with no row
-- here takes its system property, environment variable or built-in default; deleting the row restores that.
-- Every node reads this table again within seconds, so a change reaches them all without a restart.
create table setting (
    name       varchar(100)  primary key,
    value      varchar(2000) not null,
    changed_at timestamptz   not null,
    changed_by bigint        not null references account (id)
);

-- "Last seen" survives restarts; a person may keep when they read messages to themselves.
alter table account add column last_seen_at timestamptz;
alter table account add column shares_read_receipts boolean not null default true;

-- Staff's own canned responses ("snippets"): a title, a short word to call it up with, the text.
-- The limits here repeat CannedResponse's, so no other writer can store what the page could not show.
create sequence canned_response_seq start with 1 increment by 50;

create table canned_response (
    id         bigint      primary key,
    owner_id   bigint      not null references account (id),
    title      text        not null,
    shortcut   text        not null,
    body       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint canned_response_owner_shortcut_key unique (owner_id, shortcut),
    constraint canned_response_title_check
        check (char_length(btrim(title)) between 1 and 80),
    constraint canned_response_shortcut_check
        check (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,23}$'),
    constraint canned_response_body_check
        check (char_length(btrim(body)) between 1 and 2000)
);

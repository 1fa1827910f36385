-- The language a person chose in the user menu (a BCP 47 tag such as 'de'); null follows the browser.
alter table account add column language varchar(16);

-- Every reference to the Code names its edition: an agenda item's references are all of one edition, named by its
-- date. What was stored before named the 2025-07-10 edition, the only one then.
alter table agenda_item add column code_edition varchar(10) not null default '2025-07-10';
alter table agenda_item alter column code_edition drop default;

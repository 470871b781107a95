-- Every reference to the Code names its edition: a document's and an evidence submission's references are all of one
-- edition, named by its date. What was stored before named the 2025-07-10 edition, the only one then.
alter table guidance_document add column code_edition varchar(10) not null default '2025-07-10';
alter table guidance_document alter column code_edition drop default;
alter table evidence add column code_edition varchar(10) not null default '2025-07-10';
alter table evidence alter column code_edition drop default;

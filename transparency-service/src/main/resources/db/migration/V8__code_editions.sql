-- The edition of the Code that a document's or a submission's references name; null for events written before
-- references named their edition, which name the 2025-07-10 edition.
alter table guidance_document add column code_edition varchar(10);
alter table evidence add column code_edition varchar(10);

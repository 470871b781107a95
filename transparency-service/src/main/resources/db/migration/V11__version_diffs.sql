-- The texts of a published version's sections (issue 20: versions compared in the register), apart from `sections`
-- so that the document's resource, which lists sections by key and title only, never reads them. A JSON array in the
-- order of `sections`; null when the version-published event carried no text (published before events carried it, or
-- more than 512 KiB of text). A rebuild fills it from the events the register holds.
alter table guidance_version add column section_texts text;

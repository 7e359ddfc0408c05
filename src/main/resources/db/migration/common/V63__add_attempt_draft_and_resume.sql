-- Attempts that survive a change of device (docs/online.md, "Drafts and resuming"):
-- draft           JSON {question id: [option id, ...]} saved as the participant answers (PUT .../answers)
-- draft_saved_at  when the draft was last saved (epoch ms)
-- resume_hash     SHA-256 of the attempt id, ':' and the resume code shown to the participant (never the code)
-- previous_tokens SHA-256 of the tokens replaced by a resume, space-separated, newest first: a device holding one is
--                 told that the attempt continues elsewhere instead of "wrong token"
ALTER TABLE attempt ADD COLUMN draft TEXT;
ALTER TABLE attempt ADD COLUMN draft_saved_at BIGINT;
ALTER TABLE attempt ADD COLUMN resume_hash TEXT;
ALTER TABLE attempt ADD COLUMN previous_tokens TEXT;

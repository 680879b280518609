-- The reviewer's name as staff know it, shown when an answer cites a ruling ("Ruling by Mrs
-- Khan"); null when only the user id is known. Cleared when someone else edits or re-approves.
ALTER TABLE rulings ADD COLUMN reviewer_name TEXT;

-- Bumped by every change to a ruling, so the answer engine's in-memory copy of a school's
-- rulings can tell with one small query (count and sum) that it is out of date, even when two
-- changes fall in the same millisecond or are made by another instance sharing the database.
ALTER TABLE rulings ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

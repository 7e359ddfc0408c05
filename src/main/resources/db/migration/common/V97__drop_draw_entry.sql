-- The pool of a draw is frozen into draw_pool (V51) since before the first release; no draw was ever committed into
-- draw_entry (V30) by a released version and nothing reads or writes it (issue 18: no readers of formats no deployment
-- has), so it goes.
DROP TABLE draw_entry;

-- "My rank" is computed one way (issue 18): the counts of V50 (per accuracy, and per accuracy and whole second of
-- time used) and a short range of ranking_order within one second. The finer and coarser levels of V53 and V55 did
-- not pay for the upserts they added to every submit (docs/performance.md), so they go.
DROP TABLE ranking_count_by_minute;
DROP TABLE ranking_count_by_decisecond;

-- Custom SQL migration (Drizzle cannot declare a table's storage parameters).
-- The live features read a busy IP address's history through an index-only scan of its covering index
-- (covering_ip_address_index), which skips the table only on pages the visibility map marks all-visible.
-- On an insert-only table that marking is autovacuum's insert-triggered pass, by default after 20 % of
-- growth: up to a sixth of the rows, and every payment of the last week, fetched from the table again.
-- After every 1 % instead (plus the default threshold of 1 000 rows), a pass over the pages written since.
ALTER TABLE "transactions" SET (autovacuum_vacuum_insert_scale_factor = 0.01);

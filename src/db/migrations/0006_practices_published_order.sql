-- Published practices, newest first, in the exact order recommendations read their pool (published_at
-- DESC NULLS LAST, id) and the practice list starts its own with. The index of 0000 (status, published_at)
-- sorts NULLS LAST ascending, so read backwards it gives NULLS FIRST and cannot serve that order: each
-- hub's recommendations sorted every published practice sharing a theme or a language with the hub
-- (~50,000 of 100,000 in bench:search-speed) to keep 500. With this one the scan stops at the 500th.
CREATE INDEX IF NOT EXISTS practices_published_order_idx
  ON practices USING btree (status, published_at DESC NULLS LAST, id);

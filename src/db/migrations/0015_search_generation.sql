-- A generation number for the search result cache (src/domain/search/search-cache.ts): it moves whenever a
-- statement writes to a table the search reads (practices, practice_texts), whoever writes — the web node, a
-- CLI import, sync, a second node process on the same PostgreSQL. A cached result is used only under the
-- generation it was computed at.
--
-- A sequence, not a counter row: a row bumped by every writing statement would be locked until each
-- writer's commit, so writers would queue on it and two writers touching the same practices in different
-- orders could deadlock through it. nextval never blocks and is not rolled back (a rolled-back write only
-- costs a cache miss). But it moves before the writer commits, so a reader could read the new number and
-- still see the old rows. Hence the advisory lock, shared by writers until their commit (shared: writers
-- never wait for each other), which a reader tests AFTER reading the number:
--   writer: shared lock, then nextval; the lock is released only once the commit is visible.
--   reader: g := the sequence's value; then, if some writer holds the lock, g := null (do not cache);
--           then the search query, in a snapshot taken after this.
-- A writer committed before a reader starts bumped to ≤ g; any entry cached under g was computed by a
-- reader that read the sequence after that bump, so it either saw the lock still held (and cached nothing)
-- or saw it released, with the commit already visible to its query. So a search that starts after a
-- write has committed never answers from a result computed without it.
--
-- The lock is the pair (1397047634, 1), 1397047634 being "SEAR" in ASCII; nothing else in Passerelle takes
-- advisory locks.
CREATE SEQUENCE public.search_generation;
--> statement-breakpoint
-- A fresh sequence reads 1 before and after its first nextval; marked as called, the first write reads 2.
SELECT pg_catalog.setval('public.search_generation', 1);
--> statement-breakpoint
CREATE FUNCTION public.bump_search_generation() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_catalog.pg_advisory_xact_lock_shared(1397047634, 1);
    PERFORM pg_catalog.nextval('public.search_generation');
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
-- Null while a write to the searched tables is in flight. It looks the lock up rather than trying to take
-- it: a reader taking it, even for an instant, would make writers wait and make two readers at the same
-- instant miss each other's cache.
CREATE FUNCTION public.search_generation() RETURNS bigint
  LANGUAGE plpgsql VOLATILE
  AS $$
  DECLARE
    g bigint;
  BEGIN
    SELECT last_value INTO g FROM public.search_generation;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
        WHERE l.locktype = 'advisory' AND l.classid = 1397047634 AND l.objid = 1 AND l.objsubid = 2 AND l.granted
          AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())) THEN
      RETURN NULL;
    END IF;
    RETURN g;
  END
  $$;
--> statement-breakpoint
-- Per statement, not per row: a 1,000-practice import batch bumps once per INSERT. Every UPDATE counts, not
-- only of the columns the search reads today, so a new column read by the search cannot go stale unnoticed.
CREATE TRIGGER practices_search_generation
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.practices
  FOR EACH STATEMENT EXECUTE FUNCTION public.bump_search_generation();
--> statement-breakpoint
CREATE TRIGGER practice_texts_search_generation
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.practice_texts
  FOR EACH STATEMENT EXECUTE FUNCTION public.bump_search_generation();

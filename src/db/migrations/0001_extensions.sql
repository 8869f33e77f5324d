CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
--> statement-breakpoint
-- unaccent() is STABLE (it reads a dictionary); indexes need an IMMUTABLE wrapper. Names are
-- schema-qualified because PostgreSQL 17+ builds indexes with a search_path of pg_catalog only.
CREATE OR REPLACE FUNCTION immutable_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS practice_texts_title_trgm_idx
  ON practice_texts USING gin (lower(immutable_unaccent(title)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS hub_texts_name_trgm_idx
  ON hub_texts USING gin (lower(immutable_unaccent(name)) gin_trgm_ops);

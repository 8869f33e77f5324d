-- Full-text search over practice and hub texts, one text-search configuration per stored language.
--
-- Accents are folded inside the configurations (a copy of each built-in one with the `unaccent`
-- filtering dictionary in front of its stemmer), not by unaccenting the text first: the stored vector,
-- the parsed query and ts_headline then all fold accents the same way, and highlights land on the
-- original, accented words. Names are schema-qualified: PostgreSQL 17+ runs index builds and some
-- maintenance with search_path = pg_catalog only.
--
-- Only configurations present on both PostgreSQL 15 and PGlite (PostgreSQL 18) are used, so both
-- engines rank alike; every other language (Hausa, Swahili, Bengali, Wolof, Yoruba, Estonian …) gets
-- `simple`. The search_vector columns are maintained by triggers and are deliberately not in the
-- Drizzle schema: no application code writes or selects them except the search repository.
DO $$
DECLARE
  cfg text;
  dicts text;
BEGIN
  FOREACH cfg IN ARRAY ARRAY[
    'simple', 'arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish', 'french', 'german',
    'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali', 'norwegian', 'portuguese',
    'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish'
  ] LOOP
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION public.%I (COPY = pg_catalog.%I)', 'search_' || cfg, cfg);
    SELECT string_agg(format('%I.%I', n.nspname, d.dictname), ', ' ORDER BY m.mapseqno) INTO dicts
      FROM pg_catalog.pg_ts_config_map m
      JOIN pg_catalog.pg_ts_config c ON c.oid = m.mapcfg
      JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict
      JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
      WHERE c.cfgname = cfg AND c.cfgnamespace = 'pg_catalog'::regnamespace
        AND m.maptokentype = (SELECT tokid FROM pg_catalog.ts_token_type('default') WHERE alias = 'word');
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION public.%I ALTER MAPPING FOR word, hword, hword_part WITH public.unaccent, %s',
      'search_' || cfg, dicts);
  END LOOP;
END $$;
--> statement-breakpoint
-- BCP 47 primary subtag → configuration. The search service calls it too, for the query's language.
CREATE FUNCTION public.search_config(lang text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT (CASE lower(split_part(coalesce(lang, ''), '-', 1))
    WHEN 'ar' THEN 'public.search_arabic' WHEN 'hy' THEN 'public.search_armenian' WHEN 'eu' THEN 'public.search_basque'
    WHEN 'ca' THEN 'public.search_catalan' WHEN 'da' THEN 'public.search_danish' WHEN 'nl' THEN 'public.search_dutch'
    WHEN 'en' THEN 'public.search_english' WHEN 'fi' THEN 'public.search_finnish' WHEN 'fr' THEN 'public.search_french'
    WHEN 'de' THEN 'public.search_german' WHEN 'el' THEN 'public.search_greek' WHEN 'hi' THEN 'public.search_hindi'
    WHEN 'hu' THEN 'public.search_hungarian' WHEN 'id' THEN 'public.search_indonesian' WHEN 'ga' THEN 'public.search_irish'
    WHEN 'it' THEN 'public.search_italian' WHEN 'lt' THEN 'public.search_lithuanian' WHEN 'ne' THEN 'public.search_nepali'
    WHEN 'no' THEN 'public.search_norwegian' WHEN 'nb' THEN 'public.search_norwegian' WHEN 'nn' THEN 'public.search_norwegian'
    WHEN 'pt' THEN 'public.search_portuguese' WHEN 'ro' THEN 'public.search_romanian' WHEN 'ru' THEN 'public.search_russian'
    WHEN 'sr' THEN 'public.search_serbian' WHEN 'es' THEN 'public.search_spanish' WHEN 'sv' THEN 'public.search_swedish'
    WHEN 'ta' THEN 'public.search_tamil' WHEN 'tr' THEN 'public.search_turkish' WHEN 'yi' THEN 'public.search_yiddish'
    ELSE 'public.search_simple' END)::regconfig
  $$;
--> statement-breakpoint
-- The text once in its language's configuration (stems) and once in `simple` (exact words), so a query
-- parsed in another language still meets the words as written.
CREATE FUNCTION public.search_weighted(lang text, body text, weight "char") RETURNS tsvector
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
  SELECT pg_catalog.setweight(
    pg_catalog.to_tsvector(public.search_config(lang), coalesce(body, ''))
      || pg_catalog.to_tsvector('public.search_simple'::regconfig, coalesce(body, '')),
    weight)
  $$;
--> statement-breakpoint
CREATE FUNCTION public.search_json_strings(doc jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT coalesce(string_agg(v #>> '{}', E'\n'), '')
    FROM pg_catalog.jsonb_path_query(coalesce(doc, '[]'::jsonb), 'strict $.**') AS v
   WHERE pg_catalog.jsonb_typeof(v) = 'string'
  $$;
--> statement-breakpoint
CREATE FUNCTION public.practice_texts_search_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.search_vector :=
    public.search_weighted(NEW.lang, NEW.title, 'A')
    || public.search_weighted(NEW.lang, NEW.summary, 'B')
    || public.search_weighted(NEW.lang, concat_ws(E'\n', NEW.problem, NEW.context, public.search_json_strings(NEW.approach),
         public.search_json_strings(NEW.results), NEW.lessons), 'C')
    || public.search_weighted(NEW.lang, concat_ws(E'\n', NEW.sustainability_economic, NEW.sustainability_social,
         NEW.sustainability_cultural), 'D');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION public.hub_texts_search_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.search_vector := public.search_weighted(NEW.lang, NEW.name, 'A') || public.search_weighted(NEW.lang, NEW.description, 'B');
  RETURN NEW;
END
$$;
--> statement-breakpoint
ALTER TABLE practice_texts ADD COLUMN search_vector tsvector;
--> statement-breakpoint
ALTER TABLE hub_texts ADD COLUMN search_vector tsvector;
--> statement-breakpoint
CREATE TRIGGER practice_texts_search BEFORE INSERT OR UPDATE ON practice_texts
  FOR EACH ROW EXECUTE FUNCTION public.practice_texts_search_trigger();
--> statement-breakpoint
CREATE TRIGGER hub_texts_search BEFORE INSERT OR UPDATE ON hub_texts
  FOR EACH ROW EXECUTE FUNCTION public.hub_texts_search_trigger();
--> statement-breakpoint
-- Backfill: an update fires the triggers.
UPDATE practice_texts SET lang = lang;
--> statement-breakpoint
UPDATE hub_texts SET lang = lang;
--> statement-breakpoint
CREATE INDEX practice_texts_search_idx ON practice_texts USING gin (search_vector);
--> statement-breakpoint
CREATE INDEX hub_texts_search_idx ON hub_texts USING gin (search_vector);

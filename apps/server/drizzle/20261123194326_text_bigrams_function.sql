-- Character bigrams of a text, lower-cased, spaces removed: with a GIN index over them, a
-- substring search in Chinese (no word boundaries) finds its candidates as "every bigram of the
-- query present", then ILIKE confirms. Used for work order titles (ADR 0009); the enterprise
-- registry has its own three-column version (enterprise_search_grams, ADR 0006). Not pg_trgm:
-- trigrams miss the two-character queries Chinese searches mostly are, and under the C locale an
-- embedded cluster may be initialised with, pg_trgm sees no trigram in CJK text at all.
CREATE FUNCTION text_bigrams(s text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t text := lower(regexp_replace(coalesce(s, ''), '\s+', '', 'g'));
  grams text[] := '{}';
BEGIN
  FOR i IN 1 .. length(t) - 1 LOOP
    grams := grams || substr(t, i, 2);
  END LOOP;
  RETURN grams;
END
$$;

-- Character bigrams of an enterprise's name, former names and USCC, lower-cased, spaces removed.
-- A GIN index over them answers partial matches in Chinese (no word boundaries, any locale, no
-- extension needed); the query side calls it with the search text as the name.
CREATE FUNCTION enterprise_search_grams(name text, former_names text[], uscc text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(n.s, i, 2)), '{}'::text[])
  FROM unnest(array_append(array_append(coalesce(former_names, '{}'::text[]), name), uscc)) AS part,
       LATERAL (SELECT lower(regexp_replace(coalesce(part, ''), '\s+', '', 'g')) AS s) n,
       LATERAL generate_series(1, length(n.s) - 1) AS i
$$;

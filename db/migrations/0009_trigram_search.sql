-- Name search and duplicate detection compare transliteration-normalised names by trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The stored upload (import_files, 1 MB pieces) is compressed with lz4 instead of the default pglz:
-- about as small (a CSV of leads shrinks to under half either way) for a fraction of the CPU; pglz
-- took 2.7 of 4.4 s of PostgreSQL's time to store a 198 MB file, on a core staging also needs.
-- Where the server was built without lz4 (PGlite), the column keeps pglz.
DO $$
BEGIN
  ALTER TABLE "import_files" ALTER COLUMN "bytes" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;

DROP INDEX "leads_email_idx";--> statement-breakpoint
DROP INDEX "leads_phone_idx";--> statement-breakpoint
DROP INDEX "leads_name_idx";--> statement-breakpoint
DROP INDEX "leads_reference_idx";--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "search_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Hand-added: the search keys of leads saved before this migration, built from the columns that held
-- them (lowercase email, phone, name, reference) the way lib/leads/search-keys.ts builds them: name
-- words split on white space, hyphenated words also as their parts, accents (the combining marks
-- after NFD) stripped. One set-based UPDATE, after the four old indexes are gone and before the GIN
-- index exists, so it maintains no index and the index is built once, sorted, at the end. The WHERE
-- lets an operator with a large table run this same statement beforehand in batches (add
-- "and id in (select id from leads where search_keys = '{}' limit 50000)"), leaving little to do here.
UPDATE "leads" SET "search_keys" = array(
  select distinct k from unnest(
    array['e:' || "email", 'p:' || "phone", 'r:' || "reference"]
    || array(
      select 'n:' || w
      from regexp_split_to_table(lower(normalize(regexp_replace(normalize(coalesce("name", ''), NFD), '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'), NFC)), '\s+') as word(w)
      union
      select 'n:' || w
      from regexp_split_to_table(lower(normalize(regexp_replace(normalize(coalesce("name", ''), NFD), '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'), NFC)), '[\s-]+') as part(w)
    )
  ) as key(k)
  where k is not null and k <> 'n:'
)
WHERE "search_keys" = '{}'::text[];--> statement-breakpoint
CREATE INDEX "leads_search_keys_idx" ON "leads" USING gin ("search_keys");

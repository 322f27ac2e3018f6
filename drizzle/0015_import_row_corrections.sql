ALTER TABLE "import_rows" ADD COLUMN "corrections" jsonb;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "corrected_by" text;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "corrected_at" timestamp with time zone;
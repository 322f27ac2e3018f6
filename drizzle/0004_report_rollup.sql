CREATE TABLE "lead_daily_counts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"flow_id" text NOT NULL,
	"source_id" text NOT NULL,
	"import_id" text,
	"outcome" "outcome" NOT NULL,
	"reason" text,
	"is_batch_lead" boolean NOT NULL,
	"count" bigint NOT NULL,
	"cost" numeric NOT NULL
);
--> statement-breakpoint
CREATE INDEX "lead_daily_counts_group_idx" ON "lead_daily_counts" USING btree ("account_id","day","flow_id","source_id","outcome","is_batch_lead",coalesce("import_id", ''),md5(coalesce("reason", '')));
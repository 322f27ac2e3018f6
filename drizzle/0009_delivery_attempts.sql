CREATE TABLE "delivery_attempts" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"step_id" text NOT NULL,
	"import_id" text,
	"import_line" integer,
	"status" text DEFAULT 'sending' NOT NULL,
	"response_status" integer,
	"response_body" text,
	"outcome" text,
	"reason" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "delivery_attempts_import_idx" ON "delivery_attempts" USING btree ("import_id","import_line");--> statement-breakpoint
CREATE INDEX "delivery_attempts_sent_at_idx" ON "delivery_attempts" USING btree ("sent_at");
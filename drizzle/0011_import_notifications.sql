CREATE TABLE "import_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"import_id" text NOT NULL,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"signer" jsonb,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"gave_up_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "import_webhook_url" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "import_webhook_nonce" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "started_by" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "import_webhook_url" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "import_webhook_nonce" text;--> statement-breakpoint
ALTER TABLE "import_notifications" ADD CONSTRAINT "import_notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_notifications_due_idx" ON "import_notifications" USING btree ("next_attempt_at") WHERE delivered_at is null and gave_up_at is null;--> statement-breakpoint
CREATE INDEX "import_notifications_import_idx" ON "import_notifications" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_started_by_account_holders_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."account_holders"("id") ON DELETE set null ON UPDATE no action;
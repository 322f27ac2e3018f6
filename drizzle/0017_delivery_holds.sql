CREATE TABLE "cap_holds" (
	"cap_key" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"holder" text NOT NULL,
	"held_until" timestamp with time zone NOT NULL,
	CONSTRAINT "cap_holds_cap_key_period_start_holder_pk" PRIMARY KEY("cap_key","period_start","holder")
);
--> statement-breakpoint
ALTER TABLE "dedupe_keys" ADD COLUMN "held_by" text;--> statement-breakpoint
ALTER TABLE "dedupe_keys" ADD COLUMN "held_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "cap_holds_holder_idx" ON "cap_holds" USING btree ("holder");--> statement-breakpoint
CREATE INDEX "dedupe_keys_held_by_idx" ON "dedupe_keys" USING btree ("held_by") WHERE held_by is not null;--> statement-breakpoint
CREATE INDEX "dedupe_keys_held_until_idx" ON "dedupe_keys" USING btree ("held_until") WHERE held_until is not null;
CREATE TABLE "ping_daily_counts" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"flow_id" text NOT NULL,
	"source_id" text NOT NULL,
	"outcome" "outcome" NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "ping_daily_counts_account_id_day_flow_id_source_id_outcome_pk" PRIMARY KEY("account_id","day","flow_id","source_id","outcome")
);

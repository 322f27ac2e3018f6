ALTER TABLE "imports" ADD COLUMN "reason_counts" jsonb;--> statement-breakpoint
CREATE INDEX "import_rows_problem_lines_idx" ON "import_rows" USING btree ("import_id","line") WHERE problems is not null or duplicate_of_line is not null;--> statement-breakpoint
CREATE INDEX "leads_import_unsuccessful_idx" ON "leads" USING btree ("import_id","import_line") WHERE outcome <> 'success';
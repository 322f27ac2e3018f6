CREATE INDEX "leads_name_idx" ON "leads" USING btree ("account_id","name");--> statement-breakpoint
CREATE INDEX "leads_reference_idx" ON "leads" USING btree ("account_id","reference");--> statement-breakpoint
CREATE INDEX "leads_import_time_idx" ON "leads" USING btree ("import_id","submitted_at","id");
ALTER TABLE "cases" ADD COLUMN "search_names" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_numbers" text[];--> statement-breakpoint
CREATE INDEX "cases_due_order" ON "cases" USING btree (coalesce("due_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "cases_filed_order" ON "cases" USING btree (coalesce("submitted_at", "created_at"),"id");--> statement-breakpoint
CREATE INDEX "cases_assignee_due" ON "cases" USING btree ("assignee_id",coalesce("due_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "cases_region_service_due" ON "cases" USING btree ("region","service",coalesce("due_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "cases_due_on" ON "cases" USING btree ("due_on") WHERE "cases"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "cases_clock_stopped" ON "cases" USING btree ("clock_remaining_days") WHERE "cases"."clock_remaining_days" is not null;--> statement-breakpoint
CREATE INDEX "cases_flags" ON "cases" USING gin ("flags");--> statement-breakpoint
CREATE INDEX "cases_search_names" ON "cases" USING gin ("search_names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_search_numbers" ON "cases" USING gin ("search_numbers");--> statement-breakpoint
CREATE INDEX "cases_reference_trgm" ON "cases" USING gin ("reference" gin_trgm_ops);
ALTER TABLE "cases" ADD COLUMN "decided_within_term" boolean;--> statement-breakpoint
CREATE INDEX "cases_decided" ON "cases" USING btree ("service","region","decided_at");--> statement-breakpoint
CREATE INDEX "cases_overstay" ON "cases" USING btree ("service","region") WHERE 'overstay' = any("cases"."flags");--> statement-breakpoint
CREATE INDEX "decisions_outcome_decided" ON "decisions" USING btree ("outcome","created_at");--> statement-breakpoint
CREATE INDEX "issued_documents_type_issued" ON "issued_documents" USING btree ("type","created_at");
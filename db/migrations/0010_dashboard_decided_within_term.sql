ALTER TABLE "cases" ADD COLUMN "decided_within_term" boolean;--> statement-breakpoint
CREATE INDEX "cases_decided" ON "cases" USING btree ("service","region","decided_at");
DROP INDEX "notifications_pending";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_pending" ON "notifications" USING btree ("status","next_attempt_at");
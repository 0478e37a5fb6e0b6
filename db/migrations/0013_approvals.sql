CREATE TABLE "case_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"input" jsonb NOT NULL,
	"expected_version" integer NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "case_approvals_four_eyes" CHECK ("case_approvals"."decided_by" <> "case_approvals"."proposed_by"),
	CONSTRAINT "case_approvals_decided" CHECK (("case_approvals"."status" = 'pending') = ("case_approvals"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "case_approvals" ADD CONSTRAINT "case_approvals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_approvals" ADD CONSTRAINT "case_approvals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_approvals" ADD CONSTRAINT "case_approvals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_approvals_one_pending" ON "case_approvals" USING btree ("case_id") WHERE "case_approvals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "case_approvals_inbox" ON "case_approvals" USING btree ("status","proposed_at");--> statement-breakpoint
CREATE INDEX "case_approvals_case" ON "case_approvals" USING btree ("case_id","proposed_at");
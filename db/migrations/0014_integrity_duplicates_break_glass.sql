CREATE TABLE "access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_outcome" text,
	"review_note" text,
	CONSTRAINT "access_grants_window" CHECK ("access_grants"."expires_at" > "access_grants"."granted_at"),
	CONSTRAINT "access_grants_review" CHECK (("access_grants"."reviewed_at" is null) = ("access_grants"."review_outcome" is null)),
	CONSTRAINT "access_grants_reason" CHECK (length(trim("access_grants"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "duplicate_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"other_case_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"match_kinds" text[] NOT NULL,
	"score" real NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_candidates_resolution" CHECK (("duplicate_candidates"."status" = 'open') = ("duplicate_candidates"."resolved_at" is null))
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "same_as" uuid;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_other_case_id_cases_id_fk" FOREIGN KEY ("other_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_other_person_id_people_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_grants_user_live" ON "access_grants" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "access_grants_case" ON "access_grants" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "access_grants_unreviewed" ON "access_grants" USING btree ("granted_at") WHERE "access_grants"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "duplicate_candidates_case" ON "duplicate_candidates" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "duplicate_candidates_other_case" ON "duplicate_candidates" USING btree ("other_case_id");--> statement-breakpoint
CREATE INDEX "people_birth_date" ON "people" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "people_name_key_trgm" ON "people" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_same_as" ON "people" USING btree ("same_as");
CREATE TABLE "refugee_families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region" text NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refugee_monthly_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"produced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_count" integer NOT NULL,
	"csv" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	CONSTRAINT "refugee_monthly_lists_period_start_unique" UNIQUE("period_start"),
	CONSTRAINT "refugee_monthly_lists_period" CHECK ("refugee_monthly_lists"."period_end" >= "refugee_monthly_lists"."period_start")
);
--> statement-breakpoint
CREATE TABLE "refugee_status_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refugee_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"certificate_number" text NOT NULL,
	"country_of_origin" text NOT NULL,
	"region" text NOT NULL,
	"granted_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"open_case_id" uuid,
	"reminders_sent" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refugee_statuses_certificate_number_unique" UNIQUE("certificate_number"),
	CONSTRAINT "refugee_statuses_term" CHECK ("refugee_statuses"."ends_on" >= "refugee_statuses"."starts_on"),
	CONSTRAINT "refugee_statuses_pending_case" CHECK (("refugee_statuses"."state" = 'extension_pending') = ("refugee_statuses"."open_case_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "refugee_families" ADD CONSTRAINT "refugee_families_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_families" ADD CONSTRAINT "refugee_families_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_status_terms" ADD CONSTRAINT "refugee_status_terms_status_id_refugee_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."refugee_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_status_terms" ADD CONSTRAINT "refugee_status_terms_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_statuses" ADD CONSTRAINT "refugee_statuses_family_id_refugee_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."refugee_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_statuses" ADD CONSTRAINT "refugee_statuses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_statuses" ADD CONSTRAINT "refugee_statuses_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refugee_statuses" ADD CONSTRAINT "refugee_statuses_open_case_id_cases_id_fk" FOREIGN KEY ("open_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refugee_status_terms_status" ON "refugee_status_terms" USING btree ("status_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "refugee_status_terms_case" ON "refugee_status_terms" USING btree ("status_id","case_id") WHERE "refugee_status_terms"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "refugee_statuses_family" ON "refugee_statuses" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refugee_statuses_person" ON "refugee_statuses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "refugee_statuses_end" ON "refugee_statuses" USING btree ("state","ends_on");
CREATE TABLE "accommodation_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"region" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"capacity_unit" text NOT NULL,
	"capacity" integer NOT NULL,
	"occupied_families" integer DEFAULT 0 NOT NULL,
	"occupied_persons" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "accommodation_centres_code_unique" UNIQUE("code"),
	CONSTRAINT "accommodation_centres_occupancy_non_negative" CHECK ("accommodation_centres"."occupied_families" >= 0 and "accommodation_centres"."occupied_persons" >= 0),
	CONSTRAINT "accommodation_centres_within_capacity" CHECK (("accommodation_centres"."capacity_unit" = 'families' and "accommodation_centres"."occupied_families" <= "accommodation_centres"."capacity") or ("accommodation_centres"."capacity_unit" = 'persons' and "accommodation_centres"."occupied_persons" <= "accommodation_centres"."capacity"))
);
--> statement-breakpoint
CREATE TABLE "centre_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"persons" integer NOT NULL,
	"placed_on" date NOT NULL,
	"released_on" date,
	CONSTRAINT "centre_placements_persons" CHECK ("centre_placements"."persons" >= 1)
);
--> statement-breakpoint
CREATE TABLE "kandas_benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"amount_kzt" integer,
	"note" text,
	"granted_on" date NOT NULL,
	"granted_by" uuid,
	"withdrawn_on" date,
	"withdrawn_by" uuid,
	CONSTRAINT "kandas_benefits_amount" CHECK ("kandas_benefits"."amount_kzt" is null or "kandas_benefits"."amount_kzt" >= 0)
);
--> statement-breakpoint
CREATE TABLE "kandas_national_quotas" (
	"year" integer PRIMARY KEY NOT NULL,
	"families" integer NOT NULL,
	"basis" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kandas_national_quotas_families" CHECK ("kandas_national_quotas"."families" >= 0)
);
--> statement-breakpoint
CREATE TABLE "kandas_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"region" text NOT NULL,
	"families_allocated" integer NOT NULL,
	"families_used" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kandas_quotas_used_within_allocated" CHECK ("kandas_quotas"."families_used" >= 0 and "kandas_quotas"."families_used" <= "kandas_quotas"."families_allocated")
);
--> statement-breakpoint
CREATE TABLE "kandas_waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"region" text NOT NULL,
	"year" integer NOT NULL,
	"priority_score" integer NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accommodation_centres" ADD CONSTRAINT "accommodation_centres_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_placements" ADD CONSTRAINT "centre_placements_centre_id_accommodation_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."accommodation_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_placements" ADD CONSTRAINT "centre_placements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_benefits" ADD CONSTRAINT "kandas_benefits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_benefits" ADD CONSTRAINT "kandas_benefits_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_benefits" ADD CONSTRAINT "kandas_benefits_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_national_quotas" ADD CONSTRAINT "kandas_national_quotas_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_quotas" ADD CONSTRAINT "kandas_quotas_year_kandas_national_quotas_year_fk" FOREIGN KEY ("year") REFERENCES "public"."kandas_national_quotas"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_quotas" ADD CONSTRAINT "kandas_quotas_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_quotas" ADD CONSTRAINT "kandas_quotas_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_waitlist" ADD CONSTRAINT "kandas_waitlist_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kandas_waitlist" ADD CONSTRAINT "kandas_waitlist_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "centre_placements_current_case" ON "centre_placements" USING btree ("case_id") WHERE "centre_placements"."released_on" is null;--> statement-breakpoint
CREATE INDEX "centre_placements_centre" ON "centre_placements" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "kandas_benefits_case" ON "kandas_benefits" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kandas_quotas_year_region" ON "kandas_quotas" USING btree ("year","region");--> statement-breakpoint
CREATE UNIQUE INDEX "kandas_waitlist_active_case" ON "kandas_waitlist" USING btree ("case_id") WHERE "kandas_waitlist"."left_at" is null;--> statement-breakpoint
CREATE INDEX "kandas_waitlist_order" ON "kandas_waitlist" USING btree ("region","priority_score","listed_at");
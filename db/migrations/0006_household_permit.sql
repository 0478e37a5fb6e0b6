CREATE TABLE "employment_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"employer_iin" text NOT NULL,
	"status" text NOT NULL,
	"region" text NOT NULL,
	"registered_by" uuid,
	"registered_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"terminated_at" timestamp with time zone,
	"termination_reason" text,
	CONSTRAINT "employment_contracts_terminated_at" CHECK (("employment_contracts"."status" = 'terminated') = ("employment_contracts"."terminated_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "hp_employers" (
	"iin" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"region" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hp_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"monthly_rate_tiyn" integer NOT NULL,
	"amount_tiyn" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"provider" text NOT NULL,
	"payment_reference" text,
	"paid_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hp_invoices_payment_reference_unique" UNIQUE("payment_reference"),
	CONSTRAINT "hp_invoices_amount" CHECK ("hp_invoices"."amount_tiyn" = "hp_invoices"."months" * "hp_invoices"."monthly_rate_tiyn" and "hp_invoices"."amount_tiyn" >= 0),
	CONSTRAINT "hp_invoices_paid" CHECK (("hp_invoices"."status" = 'paid') = ("hp_invoices"."payment_reference" is not null and "hp_invoices"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "offences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid,
	"employer_iin" text,
	"case_id" uuid,
	"code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "offences_subject" CHECK (("offences"."subject" = 'worker' and "offences"."person_id" is not null) or ("offences"."subject" = 'employer' and "offences"."employer_iin" is not null))
);
--> statement-breakpoint
ALTER TABLE "employment_contracts" ADD CONSTRAINT "employment_contracts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_contracts" ADD CONSTRAINT "employment_contracts_employer_iin_hp_employers_iin_fk" FOREIGN KEY ("employer_iin") REFERENCES "public"."hp_employers"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_contracts" ADD CONSTRAINT "employment_contracts_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hp_employers" ADD CONSTRAINT "hp_employers_region_regions_code_fk" FOREIGN KEY ("region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hp_invoices" ADD CONSTRAINT "hp_invoices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offences" ADD CONSTRAINT "offences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offences" ADD CONSTRAINT "offences_employer_iin_hp_employers_iin_fk" FOREIGN KEY ("employer_iin") REFERENCES "public"."hp_employers"("iin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offences" ADD CONSTRAINT "offences_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offences" ADD CONSTRAINT "offences_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employment_contracts_employer" ON "employment_contracts" USING btree ("employer_iin","status");--> statement-breakpoint
CREATE UNIQUE INDEX "employment_contracts_one_open_per_case" ON "employment_contracts" USING btree ("case_id") WHERE "employment_contracts"."status" <> 'terminated';--> statement-breakpoint
CREATE UNIQUE INDEX "hp_invoices_case" ON "hp_invoices" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "offences_person" ON "offences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "offences_employer" ON "offences" USING btree ("employer_iin");
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_id" uuid,
	"company_category" text,
	"mandataire_id" uuid,
	"siren" text,
	"rnsr" text,
	"ror" text,
	"country" text,
	"city" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organisations_siren_unique" UNIQUE("siren"),
	CONSTRAINT "organisations_rnsr_unique" UNIQUE("rnsr"),
	CONSTRAINT "organisations_ror_unique" UNIQUE("ror"),
	CONSTRAINT "organisations_company_category_check" CHECK (("organisations"."kind" = 'company') = ("organisations"."company_category" is not null))
);
--> statement-breakpoint
CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"employment_status" text NOT NULL,
	"orcid" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "people_email_unique" UNIQUE("email"),
	CONSTRAINT "people_orcid_unique" UNIQUE("orcid")
);
--> statement-breakpoint
CREATE TABLE "inventions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"school_id" uuid NOT NULL,
	"research_unit_id" uuid,
	"partnership_agreement_id" uuid,
	"carnot_id" uuid,
	"funding" text,
	"disclosed_on" date,
	"decided_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventions_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "inventors" (
	"invention_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"contribution" numeric(5, 2) NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "inventors_invention_id_person_id_pk" PRIMARY KEY("invention_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	CONSTRAINT "application_events_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"office" text NOT NULL,
	"application_number" text NOT NULL,
	"filing_date" date NOT NULL,
	"route" text NOT NULL,
	"status" text NOT NULL,
	"grant_number" text,
	"grant_date" date,
	CONSTRAINT "applications_office_number_key" UNIQUE("office","application_number"),
	CONSTRAINT "applications_grant_date_check" CHECK ("applications"."grant_date" is null or "applications"."grant_date" >= "applications"."filing_date")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"school_id" uuid NOT NULL,
	"invention_id" uuid,
	"family_id" text,
	"deposit_reference" text,
	"deposit_date" date,
	"ownership_agreement_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assets_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "ownership_shares" (
	"asset_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"share" numeric(5, 2) NOT NULL,
	CONSTRAINT "ownership_shares_asset_id_organisation_id_pk" PRIMARY KEY("asset_id","organisation_id"),
	CONSTRAINT "ownership_shares_share_check" CHECK ("ownership_shares"."share" > 0 and "ownership_shares"."share" <= 100)
);
--> statement-breakpoint
CREATE TABLE "priority_claims" (
	"application_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"country" text NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	CONSTRAINT "priority_claims_application_id_rank_pk" PRIMARY KEY("application_id","rank")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"application_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	CONSTRAINT "publications_application_id_number_kind_pk" PRIMARY KEY("application_id","number","kind")
);
--> statement-breakpoint
CREATE TABLE "agreement_assets" (
	"agreement_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "agreement_assets_agreement_id_asset_id_pk" PRIMARY KEY("agreement_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"school_id" uuid,
	"signed_on" date,
	"starts_on" date,
	"ends_on" date,
	"exclusive" boolean,
	"field" text,
	"territory" text,
	"amount_eur" numeric(14, 2),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "founders" (
	"startup_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text,
	CONSTRAINT "founders_startup_id_person_id_pk" PRIMARY KEY("startup_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "startups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"is_spin_off" boolean NOT NULL,
	"school_id" uuid,
	"incubator_id" uuid,
	"incubation_start" date,
	"incubation_end" date,
	"founded_on" date,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "startups_organisation_id_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"school_id" uuid,
	"person_id" uuid,
	"organisation_id" uuid,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_mandataire_id_organisations_id_fk" FOREIGN KEY ("mandataire_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventions" ADD CONSTRAINT "inventions_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventions" ADD CONSTRAINT "inventions_research_unit_id_organisations_id_fk" FOREIGN KEY ("research_unit_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventions" ADD CONSTRAINT "inventions_partnership_agreement_id_agreements_id_fk" FOREIGN KEY ("partnership_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventions" ADD CONSTRAINT "inventions_carnot_id_organisations_id_fk" FOREIGN KEY ("carnot_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventors" ADD CONSTRAINT "inventors_invention_id_inventions_id_fk" FOREIGN KEY ("invention_id") REFERENCES "public"."inventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventors" ADD CONSTRAINT "inventors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_invention_id_inventions_id_fk" FOREIGN KEY ("invention_id") REFERENCES "public"."inventions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_ownership_agreement_id_agreements_id_fk" FOREIGN KEY ("ownership_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_shares" ADD CONSTRAINT "ownership_shares_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_shares" ADD CONSTRAINT "ownership_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_claims" ADD CONSTRAINT "priority_claims_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_assets" ADD CONSTRAINT "agreement_assets_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_assets" ADD CONSTRAINT "agreement_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founders" ADD CONSTRAINT "founders_startup_id_startups_id_fk" FOREIGN KEY ("startup_id") REFERENCES "public"."startups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founders" ADD CONSTRAINT "founders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "startups" ADD CONSTRAINT "startups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "startups" ADD CONSTRAINT "startups_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "startups" ADD CONSTRAINT "startups_incubator_id_organisations_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "affiliations_person_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_organisation_idx" ON "affiliations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "people_last_name_idx" ON "people" USING btree ("last_name");--> statement-breakpoint
CREATE INDEX "inventions_school_idx" ON "inventions" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "inventions_status_idx" ON "inventions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inventions_search_idx" ON "inventions" USING gin (to_tsvector('simple', "title" || ' ' || "summary"));--> statement-breakpoint
CREATE INDEX "inventors_person_idx" ON "inventors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "applications_asset_idx" ON "applications" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "applications_filing_date_idx" ON "applications" USING btree ("filing_date");--> statement-breakpoint
CREATE INDEX "assets_school_idx" ON "assets" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "assets_invention_idx" ON "assets" USING btree ("invention_id");--> statement-breakpoint
CREATE INDEX "assets_kind_idx" ON "assets" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "assets_search_idx" ON "assets" USING gin (to_tsvector('simple', "title" || ' ' || coalesce("reference", '')));--> statement-breakpoint
CREATE INDEX "ownership_shares_organisation_idx" ON "ownership_shares" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "publications_date_idx" ON "publications" USING btree ("date");--> statement-breakpoint
CREATE INDEX "agreement_assets_asset_idx" ON "agreement_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_organisation_idx" ON "agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreements_type_idx" ON "agreements" USING btree ("type");--> statement-breakpoint
CREATE INDEX "agreements_school_idx" ON "agreements" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");
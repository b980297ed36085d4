CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" uuid,
	"files" jsonb NOT NULL,
	"read" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"failed" integer NOT NULL,
	"linked" integer NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patent_publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"publication_date" date,
	"application_number" text,
	"application_key" text,
	"filing_date" date,
	"family_id" text,
	"titles" jsonb NOT NULL,
	"applicants" jsonb NOT NULL,
	"inventors" jsonb NOT NULL,
	"owners" jsonb NOT NULL,
	"priorities" jsonb NOT NULL,
	"priority_keys" text[] NOT NULL,
	"classifications" jsonb NOT NULL,
	"legal_events" jsonb NOT NULL,
	"procedural_steps" jsonb NOT NULL,
	"applicant_names" text NOT NULL,
	"applicant_keys" text[] NOT NULL,
	"source" text NOT NULL,
	"parts" jsonb NOT NULL,
	"record_hash" text NOT NULL,
	"first_run_id" uuid,
	"last_run_id" uuid,
	"dismissed_at" timestamp with time zone,
	"dismissed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "patent_publications_number_key" UNIQUE("country","number","kind")
);
--> statement-breakpoint
CREATE TABLE "publication_links" (
	"publication_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"application_id" uuid,
	"matched_by" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "publication_links_publication_id_asset_id_pk" PRIMARY KEY("publication_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patent_publications" ADD CONSTRAINT "patent_publications_first_run_id_import_runs_id_fk" FOREIGN KEY ("first_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patent_publications" ADD CONSTRAINT "patent_publications_last_run_id_import_runs_id_fk" FOREIGN KEY ("last_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patent_publications" ADD CONSTRAINT "patent_publications_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_publication_id_patent_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."patent_publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_started_idx" ON "import_runs" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "patent_publications_application_key_idx" ON "patent_publications" USING btree ("application_key");--> statement-breakpoint
CREATE INDEX "patent_publications_family_idx" ON "patent_publications" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "patent_publications_priority_keys_idx" ON "patent_publications" USING gin ("priority_keys");--> statement-breakpoint
CREATE INDEX "patent_publications_date_idx" ON "patent_publications" USING btree ("publication_date","id");--> statement-breakpoint
CREATE INDEX "patent_publications_applicant_keys_idx" ON "patent_publications" USING gin ("applicant_keys");--> statement-breakpoint
CREATE INDEX "patent_publications_applicant_search_idx" ON "patent_publications" USING gin (to_tsvector('simple', "applicant_names"));--> statement-breakpoint
CREATE INDEX "publication_links_asset_idx" ON "publication_links" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "publication_links_application_idx" ON "publication_links" USING btree ("application_id");
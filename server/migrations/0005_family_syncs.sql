CREATE TABLE "family_syncs" (
	"asset_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"message" text,
	"requests" jsonb NOT NULL,
	"run_id" uuid,
	"started_by" uuid
);
--> statement-breakpoint
ALTER TABLE "family_syncs" ADD CONSTRAINT "family_syncs_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_syncs" ADD CONSTRAINT "family_syncs_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_syncs" ADD CONSTRAINT "family_syncs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_syncs_started_idx" ON "family_syncs" USING btree ("started_at");
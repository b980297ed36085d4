CREATE TABLE "deadline_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"application_id" uuid,
	"task_key" text NOT NULL,
	"rule_id" text NOT NULL,
	"kind" text NOT NULL,
	"year" numeric(4, 1),
	"basis" text NOT NULL,
	"trigger_type" text NOT NULL,
	"trigger_date" date NOT NULL,
	"window_opens" date,
	"due" date NOT NULL,
	"grace_end" date,
	"due_unextended" date NOT NULL,
	"status" text NOT NULL,
	"resolved_on" date,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"reason" text,
	"recomputed_due" date,
	"assignee_id" uuid,
	"computed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_tasks_task_key_unique" UNIQUE("task_key"),
	CONSTRAINT "deadline_tasks_resolution_check" CHECK (("deadline_tasks"."status" = 'open') = ("deadline_tasks"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "docket_user_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"calendar_token_hash" text,
	"is_digest_enabled" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"digest_sent_on" date,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "docket_user_settings_calendar_token_hash_unique" UNIQUE("calendar_token_hash")
);
--> statement-breakpoint
CREATE TABLE "prosecution_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_tasks" ADD CONSTRAINT "deadline_tasks_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_tasks" ADD CONSTRAINT "deadline_tasks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_tasks" ADD CONSTRAINT "deadline_tasks_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_tasks" ADD CONSTRAINT "deadline_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "docket_user_settings" ADD CONSTRAINT "docket_user_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecution_events" ADD CONSTRAINT "prosecution_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecution_events" ADD CONSTRAINT "prosecution_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_tasks_asset_idx" ON "deadline_tasks" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "deadline_tasks_application_idx" ON "deadline_tasks" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "deadline_tasks_status_due_idx" ON "deadline_tasks" USING btree ("status","due");--> statement-breakpoint
CREATE INDEX "deadline_tasks_assignee_idx" ON "deadline_tasks" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "prosecution_events_application_idx" ON "prosecution_events" USING btree ("application_id");
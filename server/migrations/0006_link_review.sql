ALTER TABLE "publication_links" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publication_links" ADD COLUMN "confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "publication_links" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publication_links" ADD COLUMN "rejected_by" uuid;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_links" ADD CONSTRAINT "publication_links_rejected_by_users_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
DROP INDEX "assets_kind_idx";--> statement-breakpoint
CREATE INDEX "assets_kind_updated_idx" ON "assets" USING btree ("kind","updated_at","id");--> statement-breakpoint
CREATE INDEX "assets_kind_title_idx" ON "assets" USING btree ("kind","title","id");--> statement-breakpoint
CREATE INDEX "assets_kind_created_idx" ON "assets" USING btree ("kind","created_at","id");
CREATE INDEX "applications_number_idx" ON "applications" USING btree ("application_number");--> statement-breakpoint
CREATE INDEX "publications_number_idx" ON "publications" USING btree ("number");
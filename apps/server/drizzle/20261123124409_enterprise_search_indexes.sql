DROP INDEX "enterprises_updated_idx";--> statement-breakpoint
CREATE INDEX "enterprises_name_length_idx" ON "enterprises" USING btree (length("name"),"name","id");--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at" DESC NULLS LAST,"id");
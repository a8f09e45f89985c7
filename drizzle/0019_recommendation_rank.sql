DROP INDEX "rule_recommendations_organization_id_created_at_id_index";--> statement-breakpoint
ALTER TABLE "rule_recommendations" ADD COLUMN "rank" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "rule_recommendations_organization_id_created_at_rank_id_index" ON "rule_recommendations" USING btree ("organization_id","created_at","rank","id");
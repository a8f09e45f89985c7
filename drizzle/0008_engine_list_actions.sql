CREATE TYPE "public"."list_action" AS ENUM('allow', 'block');--> statement-breakpoint
ALTER TABLE "lists" ADD COLUMN "action" "list_action";--> statement-breakpoint
CREATE INDEX "list_items_organization_id_value_index" ON "list_items" USING btree ("organization_id","value");
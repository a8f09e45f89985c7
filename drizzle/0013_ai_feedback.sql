CREATE TYPE "public"."ai_feedback_action" AS ENUM('accepted', 'rejected', 'edited');--> statement-breakpoint
CREATE TABLE "ai_feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"proposal_id" text NOT NULL,
	"action" "ai_feedback_action" NOT NULL,
	"reason" text,
	"edited_value" jsonb,
	"confidence" real,
	"prompt_version" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_feedback" ADD CONSTRAINT "ai_feedback_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_feedback_organization_id_kind_created_at_index" ON "ai_feedback" USING btree ("organization_id","kind","created_at");
CREATE TYPE "public"."explanation_status" AS ENUM('pending', 'ready', 'fallback', 'failed');--> statement-breakpoint
CREATE TABLE "detection_explanations" (
	"detection_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"status" "explanation_status" DEFAULT 'pending' NOT NULL,
	"language" text NOT NULL,
	"explanation" jsonb,
	"source" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "detection_explanations" ADD CONSTRAINT "detection_explanations_detection_id_detections_id_fk" FOREIGN KEY ("detection_id") REFERENCES "public"."detections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_explanations" ADD CONSTRAINT "detection_explanations_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;
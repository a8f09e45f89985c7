CREATE TYPE "public"."stripe_action_kind" AS ENUM('cancel_payment_intent', 'refund_charge', 'approve_review');--> statement-breakpoint
CREATE TYPE "public"."stripe_action_status" AS ENUM('pending', 'succeeded', 'dry_run', 'skipped', 'failed');--> statement-breakpoint
CREATE TABLE "stripe_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"detection_id" text,
	"kind" "stripe_action_kind" NOT NULL,
	"stripe_object_id" text NOT NULL,
	"trigger" text NOT NULL,
	"status" "stripe_action_status" DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"message" text,
	"request" jsonb NOT NULL,
	"stripe_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"idempotency_key" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "stripe_actions" ADD CONSTRAINT "stripe_actions_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_actions" ADD CONSTRAINT "stripe_actions_detection_id_detections_id_fk" FOREIGN KEY ("detection_id") REFERENCES "public"."detections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_actions_organization_id_stripe_object_id_kind_index" ON "stripe_actions" USING btree ("organization_id","stripe_object_id","kind");--> statement-breakpoint
CREATE INDEX "stripe_actions_organization_id_detection_id_index" ON "stripe_actions" USING btree ("organization_id","detection_id");--> statement-breakpoint
CREATE INDEX "stripe_actions_organization_id_created_at_index" ON "stripe_actions" USING btree ("organization_id","created_at");
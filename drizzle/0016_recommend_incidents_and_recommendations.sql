CREATE TYPE "public"."recommendation_status" AS ENUM('pending', 'applied', 'rejected');--> statement-breakpoint
CREATE TABLE "incident_summaries" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"alert_id" text NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL,
	"blocked" integer NOT NULL,
	"distinct_cards" integer NOT NULL,
	"amount_blocked" jsonb NOT NULL,
	"suggested_rule" text NOT NULL,
	"suggested_rule_expires_at" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_recommendations" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"text" text NOT NULL,
	"action" "rule_action" NOT NULL,
	"pattern" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"backtest" jsonb NOT NULL,
	"rationale" text NOT NULL,
	"rationale_source" text NOT NULL,
	"language" text NOT NULL,
	"status" "recommendation_status" DEFAULT 'pending' NOT NULL,
	"rule_id" text,
	"applied_mode" "rule_mode",
	"reject_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_summaries" ADD CONSTRAINT "incident_summaries_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_summaries" ADD CONSTRAINT "incident_summaries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_recommendations" ADD CONSTRAINT "rule_recommendations_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_recommendations" ADD CONSTRAINT "rule_recommendations_rule_id_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_summaries_alert_id_index" ON "incident_summaries" USING btree ("alert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_recommendations_organization_id_text_index" ON "rule_recommendations" USING btree ("organization_id","text");--> statement-breakpoint
CREATE INDEX "rule_recommendations_organization_id_created_at_id_index" ON "rule_recommendations" USING btree ("organization_id","created_at","id");
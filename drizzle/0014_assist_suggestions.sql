CREATE TYPE "public"."suggestion_kind" AS ENUM('whitelist', 'blacklist');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('pending', 'accepted', 'edited', 'rejected');--> statement-breakpoint
CREATE TABLE "ai_calibrations" (
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"acceptance_rate" real NOT NULL,
	"scale" real NOT NULL,
	"sample_size" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ai_calibrations_organization_id_kind_pk" PRIMARY KEY("organization_id","kind")
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"kind" "suggestion_kind" NOT NULL,
	"signal" text NOT NULL,
	"subject" text NOT NULL,
	"value" text NOT NULL,
	"facts" jsonb NOT NULL,
	"confidence" real NOT NULL,
	"reasoning" text NOT NULL,
	"reasoning_source" text NOT NULL,
	"prompt_version" text NOT NULL,
	"status" "suggestion_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_calibrations" ADD CONSTRAINT "ai_calibrations_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_pending_value" ON "suggestions" USING btree ("organization_id","kind","subject","value") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "suggestions_organization_id_status_created_at_id_index" ON "suggestions" USING btree ("organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "suggestions_organization_id_value_index" ON "suggestions" USING btree ("organization_id","value");
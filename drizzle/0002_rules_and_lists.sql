CREATE TYPE "public"."list_item_source" AS ENUM('manual', 'suggestion', 'automatic');--> statement-breakpoint
CREATE TYPE "public"."list_kind" AS ENUM('email', 'email_domain', 'card_fingerprint', 'card_bin', 'customer', 'ip_address', 'device_id', 'country', 'string');--> statement-breakpoint
CREATE TYPE "public"."rule_action" AS ENUM('allow', 'review', 'block', 'request_3ds');--> statement-breakpoint
CREATE TYPE "public"."rule_mode" AS ENUM('enforced', 'shadow');--> statement-breakpoint
CREATE TABLE "list_items" (
	"id" text PRIMARY KEY NOT NULL,
	"list_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"value" text NOT NULL,
	"source" "list_item_source" DEFAULT 'manual' NOT NULL,
	"author" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lists" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" "list_kind" NOT NULL,
	"description" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_versions" (
	"rule_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"ast" jsonb NOT NULL,
	"action" "rule_action" NOT NULL,
	"priority" integer NOT NULL,
	"mode" "rule_mode" NOT NULL,
	"enabled" boolean NOT NULL,
	"expires_at" timestamp with time zone,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_versions_rule_id_version_pk" PRIMARY KEY("rule_id","version")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"action" "rule_action" NOT NULL,
	"text" text NOT NULL,
	"ast" jsonb NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"mode" "rule_mode" DEFAULT 'enforced' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"expires_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_list_id_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lists" ADD CONSTRAINT "lists_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_rule_id_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "list_items_list_id_value_index" ON "list_items" USING btree ("list_id","value");--> statement-breakpoint
CREATE INDEX "list_items_organization_id_list_id_index" ON "list_items" USING btree ("organization_id","list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lists_organization_id_name_index" ON "lists" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "rules_organization_id_enabled_index" ON "rules" USING btree ("organization_id","enabled");
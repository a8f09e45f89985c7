CREATE TYPE "public"."label_kind" AS ENUM('fraud', 'legitimate');--> statement-breakpoint
CREATE TYPE "public"."label_source" AS ENUM('dispute', 'early_fraud_warning', 'refund', 'review', 'merchant');--> statement-breakpoint
CREATE TYPE "public"."trust_score_reason" AS ENUM('dispute', 'early_fraud_warning', 'blocked', 'whitelisted', 'settled_payment');--> statement-breakpoint
CREATE TABLE "labels" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"transaction_id" text,
	"charge_id" text,
	"kind" "label_kind" NOT NULL,
	"source" "label_source" NOT NULL,
	"stripe_object_id" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" text
);
--> statement-breakpoint
CREATE TABLE "trust_score_events" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"delta" integer NOT NULL,
	"score_after" integer NOT NULL,
	"reason" "trust_score_reason" NOT NULL,
	"transaction_id" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_score_events" ADD CONSTRAINT "trust_score_events_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_score_events" ADD CONSTRAINT "trust_score_events_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_score_events" ADD CONSTRAINT "trust_score_events_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labels_organization_id_source_stripe_object_id_index" ON "labels" USING btree ("organization_id","source","stripe_object_id");--> statement-breakpoint
CREATE INDEX "labels_organization_id_transaction_id_index" ON "labels" USING btree ("organization_id","transaction_id");--> statement-breakpoint
CREATE INDEX "labels_organization_id_charge_id_index" ON "labels" USING btree ("organization_id","charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trust_score_events_organization_id_customer_id_dedupe_key_index" ON "trust_score_events" USING btree ("organization_id","customer_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "trust_score_events_organization_id_customer_id_created_at_index" ON "trust_score_events" USING btree ("organization_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_organization_id_currency_created_at_index" ON "transactions" USING btree ("organization_id","currency","created_at");
CREATE TYPE "public"."backfill_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."stripe_connection_method" AS ENUM('oauth', 'restricted_key');--> statement-breakpoint
CREATE TABLE "stripe_backfills" (
	"organization_id" text NOT NULL,
	"resource" text NOT NULL,
	"created_from" timestamp with time zone NOT NULL,
	"created_before" timestamp with time zone NOT NULL,
	"cursor" text,
	"imported" integer DEFAULT 0 NOT NULL,
	"status" "backfill_status" DEFAULT 'running' NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_backfills_organization_id_resource_pk" PRIMARY KEY("organization_id","resource")
);
--> statement-breakpoint
CREATE TABLE "stripe_connections" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"method" "stripe_connection_method" NOT NULL,
	"stripe_account_id" text,
	"livemode" boolean NOT NULL,
	"scope" text,
	"access_token_ciphertext" text,
	"refresh_token_ciphertext" text,
	"restricted_key_ciphertext" text,
	"webhook_endpoint_id" text,
	"connected_by" text,
	"connected_at" timestamp with time zone NOT NULL,
	"disconnected_at" timestamp with time zone,
	"disconnect_reason" text
);
--> statement-breakpoint
CREATE TABLE "stripe_oauth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"session_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stripe_backfills" ADD CONSTRAINT "stripe_backfills_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_oauth_states" ADD CONSTRAINT "stripe_oauth_states_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_oauth_states" ADD CONSTRAINT "stripe_oauth_states_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_oauth_states" ADD CONSTRAINT "stripe_oauth_states_session_id_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_oauth_states_organization_id_index" ON "stripe_oauth_states" USING btree ("organization_id");
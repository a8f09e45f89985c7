ALTER TYPE "public"."stripe_action_kind" ADD VALUE 'radar_add';--> statement-breakpoint
ALTER TYPE "public"."stripe_action_kind" ADD VALUE 'radar_remove';
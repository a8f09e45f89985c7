-- Orylo's own lists made before lists had an action: the automatic block lists block, the whitelist lists allow.
UPDATE "lists" SET "action" = 'block'
WHERE "action" IS NULL AND "name" IN ('blocked_cards', 'blocked_emails', 'blocked_devices', 'blocked_customers');
--> statement-breakpoint
UPDATE "lists" SET "action" = 'allow'
WHERE "action" IS NULL AND "name" IN ('allowed_emails', 'allowed_customers');

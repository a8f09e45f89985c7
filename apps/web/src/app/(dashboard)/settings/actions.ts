"use server";

import {
  CreateApiKeyInput,
  createApiKey,
  revokeApiKey,
  UpdateSettingsInput,
  updateSettings,
} from "@orylo/core";
import { z } from "zod";
import { memberAction } from "@/server/session/member-action";

// Server action — change thresholds, time zone, reporting currency, language, test-mode scoring (owner, admin).
export const saveSettings = memberAction("configure", UpdateSettingsInput, (ctx, input) =>
  updateSettings(ctx, input),
);

// Server action — a new API key with the chosen scopes; its token is in this answer only (owner, admin).
export const createKey = memberAction("configure", CreateApiKeyInput, (ctx, input) =>
  createApiKey(ctx, input),
);

// Server action — revoke an API key at once: its next call is a 401 (owner, admin).
export const revokeKey = memberAction("configure", z.object({ id: z.string().min(1) }), (ctx, { id }) =>
  revokeApiKey(ctx, id),
);

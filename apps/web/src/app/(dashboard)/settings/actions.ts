"use server";

import { UpdateSettingsInput, updateSettings } from "@orylo/core";
import { memberAction } from "@/server/session/member-action";

// Server action — change thresholds, time zone, reporting currency, language, test-mode scoring (owner, admin).
export const saveSettings = memberAction("configure", UpdateSettingsInput, (ctx, input) =>
  updateSettings(ctx, input),
);

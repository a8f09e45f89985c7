"use server";

import { sendTestEvent, startDemoEndpoint } from "@orylo/core";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { memberAction } from "@/server/session/member-action";

const Nothing = z.object({}).strict();

// Server action — "start with demo data": the organization's own webhook endpoint and its signing secret.
export const startWithDemoData = memberAction("configure", Nothing, async (ctx) => {
  const runtime = await getRuntime();
  return startDemoEndpoint(ctx, runtime.stripe, { publicUrl: runtime.config.publicUrl });
});

// Server action — a signed test-mode event sent over HTTP to the organization's webhook URL; the answer shown.
export const sendWebhookTestEvent = memberAction("configure", Nothing, async (ctx) => {
  const runtime = await getRuntime();
  const paths = {
    publicUrl: runtime.config.publicUrl,
    shared: runtime.sharedWebhookRoute,
    keyring: runtime.stripe.keyring,
  };
  return sendTestEvent(ctx, paths, fetch);
});

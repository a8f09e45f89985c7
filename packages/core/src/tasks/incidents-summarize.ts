import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { withOrganization } from "../context";
import { summarizeCardTesting } from "../incidents/summarize-card-testing";
import { type TaskDeps, taskContext } from "./task-deps";

export const INCIDENTS_SUMMARIZE_TASK = "incidents.summarize";

export const IncidentsSummarizePayload = z.object({ organizationId: z.string().min(1) });
export type IncidentsSummarizePayload = z.infer<typeof IncidentsSummarizePayload>;

/**
 * `incidents.summarize`: is the organization under a card-testing burst, and if so one alert and one summary
 * for the incident, brought up to date. Queued by blocked payments at most once a minute per organization.
 */
export const incidentsSummarizeTask = defineTask<TaskDeps, IncidentsSummarizePayload>({
  id: INCIDENTS_SUMMARIZE_TASK,
  payload: IncidentsSummarizePayload,
  retry: { maxAttempts: 3, minDelayMs: 5_000, maxDelayMs: 60_000, factor: 2 },
  concurrency: { total: 2 },
  run: async (deps, payload) => {
    const ctx = withOrganization(taskContext(deps, INCIDENTS_SUMMARIZE_TASK), payload.organizationId);
    const { incident, opened } = await summarizeCardTesting(ctx);
    return { incidentId: incident?.id ?? null, opened };
  },
});

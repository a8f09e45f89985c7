import { confidenceScale } from "@orylo/ai";
import { countAiFeedback, upsertAiCalibration } from "@orylo/db";
import type { OrgCtx } from "../context";

/** The answers a calibration reads: recent enough to follow a changed prompt, many enough to mean something. */
export const CALIBRATION_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * `feedback.analyze` for one organization: for each kind of AI proposal answered in the last 90 days, the
 * acceptance rate (smoothed towards the prior) and the scale later confidences of that kind are multiplied
 * by, stored in `ai_calibrations`. Rejections lower the scale, acceptances raise it; rerunning the same day
 * gives the same result.
 */
export async function analyzeFeedback(ctx: OrgCtx): Promise<{ kinds: number }> {
  const since = new Date(ctx.now().getTime() - CALIBRATION_WINDOW_DAYS * DAY_MS);
  const counts = new Map<string, { taken: number; rejected: number }>();
  for (const row of await countAiFeedback(ctx.db, ctx.organizationId, since)) {
    const kind = counts.get(row.kind) ?? { taken: 0, rejected: 0 };
    if (row.action === "rejected") kind.rejected += row.count;
    else kind.taken += row.count;
    counts.set(row.kind, kind);
  }
  for (const [kind, answers] of counts) {
    const { acceptanceRate, scale } = confidenceScale(answers);
    await upsertAiCalibration(ctx.db, {
      organizationId: ctx.organizationId,
      kind,
      acceptanceRate,
      scale,
      sampleSize: answers.taken + answers.rejected,
      computedAt: ctx.now(),
    });
    ctx.logger.info({ kind, acceptanceRate, scale, answers }, "confidence recalibrated");
  }
  return { kinds: counts.size };
}

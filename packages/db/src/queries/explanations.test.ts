import { createTestOrganization, getTestDatabase, testDetection } from "@orylo/db/testing";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client";
import { detectionExplanations } from "../schema";
import { insertDetection } from "./detections";
import {
  findExplanation,
  findExplanationWork,
  insertPendingExplanation,
  writeExplanation,
} from "./explanations";

const LANGUAGES = { languages: ["fr", "en"], fallbackLanguage: "en" };

async function detectionFor(db: Executor, locale: string) {
  const org = await createTestOrganization(db, { locale });
  const detection = testDetection(org.id);
  await insertDetection(db, detection);
  return { organizationId: org.id, detectionId: detection.id };
}

describe("detection explanations", () => {
  it.each([
    ["fr", "fr"],
    ["fr-FR", "fr"],
    ["FR_ca", "fr"],
    ["en-GB", "en"],
    ["de", "en"],
  ])("writes a pending explanation in the language of locale %s (%s)", async (locale, language) => {
    const { db } = await getTestDatabase();
    const ids = await detectionFor(db, locale);
    await insertPendingExplanation(db, { ...ids, ...LANGUAGES });
    await insertPendingExplanation(db, { ...ids, ...LANGUAGES });
    expect(await findExplanation(db, ids.organizationId, ids.detectionId)).toEqual({
      status: "pending",
      language,
      explanation: null,
      source: null,
    });
  });

  it("is written once, and is invisible to another organization", async () => {
    const { db } = await getTestDatabase();
    const ids = await detectionFor(db, "en");
    const other = await createTestOrganization(db);
    await insertPendingExplanation(db, { ...ids, ...LANGUAGES });
    const write = (summary: string) =>
      writeExplanation(db, {
        ...ids,
        status: "ready",
        explanation: { summary },
        source: "template",
        error: null,
        now: new Date(),
      });

    expect(await write("first")).toBe(true);
    expect(await write("second")).toBe(false);
    expect((await findExplanation(db, ids.organizationId, ids.detectionId))?.explanation).toEqual({
      summary: "first",
    });
    expect(await findExplanation(db, other.id, ids.detectionId)).toBeUndefined();
    expect(await findExplanationWork(db, other.id, ids.detectionId)).toBeUndefined();
    expect(await findExplanationWork(db, ids.organizationId, ids.detectionId)).toMatchObject({
      status: "ready",
      decision: "ALLOW",
    });
  });

  it("gives the explain task the trace's contributions, not the rest of the trace", async () => {
    const { db } = await getTestDatabase();
    const org = await createTestOrganization(db);
    const contributions = [{ detector: "velocity", status: "hit", score: 30, reasonCode: "card_velocity" }];
    const detection = testDetection(org.id, {
      trace: {
        contributions,
        ruleHits: [],
        failedDetectors: [],
        ruleOutcomes: [{ ruleId: "rule_1", read: { card_count_for_ip_address_hourly: 2 } }],
      },
    });
    await insertDetection(db, detection, {
      explanation: { detectionId: detection.id, organizationId: org.id, ...LANGUAGES },
    });
    const work = await findExplanationWork(db, org.id, detection.id);
    expect(work).toMatchObject({ status: "pending", contributions });
    expect(work).not.toHaveProperty("trace");
  });

  it("keeps a failed run's explanation empty, writes it again on the next run, and never for another organization", async () => {
    const { db } = await getTestDatabase();
    const ids = await detectionFor(db, "en");
    const other = await createTestOrganization(db);
    await insertPendingExplanation(db, { ...ids, ...LANGUAGES });
    const failedAt = new Date("2026-03-01T10:00:00.000Z");
    const failed = { status: "failed", explanation: null, source: null, error: "unreadable trace" } as const;

    expect(await writeExplanation(db, { ...ids, organizationId: other.id, ...failed, now: failedAt })).toBe(
      false,
    );
    expect(await writeExplanation(db, { ...ids, ...failed, now: failedAt })).toBe(true);
    const [stored] = await db
      .select({
        empty: sql<boolean>`${detectionExplanations.explanation} is null`,
        error: detectionExplanations.error,
        updatedAt: detectionExplanations.updatedAt,
      })
      .from(detectionExplanations)
      .where(eq(detectionExplanations.detectionId, ids.detectionId));
    expect(stored).toEqual({ empty: true, error: "unreadable trace", updatedAt: failedAt });

    const ready = {
      status: "ready",
      explanation: { summary: "retried" },
      source: "template",
      error: null,
    } as const;
    expect(await writeExplanation(db, { ...ids, ...ready, now: new Date() })).toBe(true);
    expect(await findExplanation(db, ids.organizationId, ids.detectionId)).toEqual({
      status: "ready",
      language: "en",
      explanation: { summary: "retried" },
      source: "template",
    });
  });
});

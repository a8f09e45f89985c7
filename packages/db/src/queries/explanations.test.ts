import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client";
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
  const id = `det_${crypto.randomUUID()}`;
  await insertDetection(db, {
    id,
    organizationId: org.id,
    source: "evaluate",
    livemode: false,
    decision: "ALLOW",
    riskScore: 0,
    confidence: 1,
    trace: { contributions: [], ruleHits: [], failedDetectors: [] },
    features: {},
    engineVersion: "test",
    rulesetVersion: "test",
    latencyMs: 1,
  });
  return { organizationId: org.id, detectionId: id };
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
});

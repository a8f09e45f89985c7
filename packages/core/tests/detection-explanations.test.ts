import { createOutboxStore, detectionExplanations, detections, insertDetection, taskOutbox } from "@orylo/db";
import { createTestOrganization, getTestDatabase, rollbackAfter } from "@orylo/db/testing";
import type { Contribution } from "@orylo/engine";
import { generateId, relayOutbox, runTaskInline } from "@orylo/platform";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { getDetection } from "../src/detections/get-detection";
import { explainDetection } from "../src/explanations/explain-detection";
import { explanationRequest } from "../src/explanations/request-explanation";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { detectionExplainTask, TASKS, type TaskDeps } from "../src/tasks";
import { platformDelivery, testAi, testAnalytics, testCtx, testStripeAccess } from "./helpers";

type Db = Awaited<ReturnType<typeof getTestDatabase>>["db"];

async function chargeFor(db: Db | Parameters<typeof testCtx>[0], organizationId: string) {
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
  const receipt = await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organizationId));
  expect(receipt.detection).not.toBeNull();
  return { event, detectionId: receipt.detection!.id };
}

async function explanationRow(db: Parameters<typeof testCtx>[0], detectionId: string) {
  const [row] = await db
    .select()
    .from(detectionExplanations)
    .where(eq(detectionExplanations.detectionId, detectionId));
  return row;
}

async function outboxRows(db: Parameters<typeof testCtx>[0], detectionId: string) {
  return db
    .select()
    .from(taskOutbox)
    .where(eq(taskOutbox.dedupeKey, `detection.explain:${detectionId}`));
}

async function relayInline(db: Db) {
  const logger = testCtx(db).logger;
  const deps: TaskDeps = { db, logger, stripe: testStripeAccess(), ai: testAi(), analytics: testAnalytics() };
  const registry = new Map(TASKS.map((task) => [task.id, task]));
  await relayOutbox(createOutboxStore(db), runTaskInline(registry, deps, logger));
}

describe("explaining each detection", () => {
  it("writes a pending explanation and one outbox task in the detection's transaction", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { locale: "fr" });

    const detectionId = await rollbackAfter(db, async (tx) => {
      const { event, detectionId } = await chargeFor(tx, organization.id);
      await receiveStripeWebhook(testCtx(tx), await platformDelivery(event, organization.id));
      expect(await explanationRow(tx, detectionId)).toMatchObject({
        organizationId: organization.id,
        status: "pending",
        language: "fr",
        explanation: null,
      });
      const rows = await outboxRows(tx, detectionId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        taskId: "detection.explain",
        organizationId: organization.id,
        payload: { detectionId, organizationId: organization.id },
        status: "pending",
      });
      return detectionId;
    });

    // Rolled back with the detection: neither outlives the transaction that wrote it.
    expect(await db.select().from(detections).where(eq(detections.id, detectionId))).toHaveLength(0);
    expect(await explanationRow(db, detectionId)).toBeUndefined();
    expect(await outboxRows(db, detectionId)).toHaveLength(0);
  });

  it("is written by the inline runner in the organization's language, once, and shown by the API", async () => {
    const { db } = await getTestDatabase();
    const french = await createTestOrganization(db, { locale: "fr" });
    const english = await createTestOrganization(db, { locale: "en-GB" });
    const fr = await chargeFor(db, french.id);
    const en = await chargeFor(db, english.id);
    const frCtx = withOrganization(testCtx(db), french.id);
    expect((await getDetection(frCtx, fr.detectionId)).explanation).toEqual({ status: "pending" });

    await relayInline(db);

    const frRow = await explanationRow(db, fr.detectionId);
    expect(frRow).toMatchObject({ status: "ready", language: "fr", source: "template", error: null });
    expect(frRow?.explanation).toMatchObject({
      language: "fr",
      summary: expect.stringMatching(/^Paiement /),
    });
    const enRow = await explanationRow(db, en.detectionId);
    expect(enRow).toMatchObject({ status: "ready", language: "en", source: "template" });
    expect(enRow?.explanation).toMatchObject({ language: "en", summary: expect.stringMatching(/^Payment /) });
    for (const id of [fr.detectionId, en.detectionId])
      expect((await outboxRows(db, id)).map((row) => row.status)).toEqual(["done"]);

    // A second run (a redelivered task, a relay whose lease ran out) changes nothing.
    const deps: TaskDeps = {
      db,
      logger: testCtx(db).logger,
      stripe: testStripeAccess(),
      ai: testAi(),
      analytics: testAnalytics(),
    };
    const payload = { detectionId: fr.detectionId, organizationId: french.id };
    expect(await detectionExplainTask.run(deps, payload)).toBe("unchanged");
    await relayInline(db);
    expect(await explanationRow(db, fr.detectionId)).toEqual(frRow);

    const detail = await getDetection(frCtx, fr.detectionId);
    expect(detail.explanation).toEqual({ status: "ready", ...(frRow?.explanation as object) });
    expect(detail.explanation).toMatchObject({
      status: "ready",
      language: "fr",
      source: "template",
      recommendedAction: expect.any(String),
      confidence: expect.any(Number),
      factors: expect.any(Array),
    });
  });

  it("cites the signals of the detectors that hit, and nothing else", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { locale: "fr" });
    const contributions: Contribution[] = [
      {
        detector: "card_testing",
        status: "hit",
        score: 45,
        reasonCode: "card_testing_repeated_declines",
        evidence: {
          entity: "card_number",
          window: "10m",
          declines_including_this: 4,
          attempts_including_this: 5,
          failure_ratio: 0.8,
          decline_code: "incorrect_cvc",
        },
        message: "4 of 5 attempts on this card number declined (10m).",
      },
      {
        detector: "velocity",
        status: "no_hit",
        score: 0,
        reasonCode: "velocity_within_limits",
        evidence: {},
        message: "",
      },
    ];
    const detectionId = await insertDetectionWithTrace(db, organization.id, {
      contributions,
      ruleHits: [],
      failedDetectors: [],
    });

    const ctx = testCtx(db);
    expect(await explainDetection(ctx, { detectionId, organizationId: organization.id }, testAi())).toBe(
      "ready",
    );

    const { explanation } = await getDetection(withOrganization(ctx, organization.id), detectionId);
    expect(explanation).toMatchObject({
      status: "ready",
      language: "fr",
      recommendedAction: "review",
      confidence: 0.9,
      factors: [{ signal: "card_testing_repeated_declines", weight: 0.45 }],
    });
    expect(JSON.stringify(explanation)).toContain("4 tentatives refusées sur 5 avec cette carte");
  });

  it("records an unreadable trace as failed without retrying, and skips what is not there", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    const other = await createTestOrganization(db);
    const detectionId = await insertDetectionWithTrace(db, organization.id, { contributions: "garbage" });
    const ctx = testCtx(db);

    expect(await explainDetection(ctx, { detectionId, organizationId: organization.id }, testAi())).toBe(
      "failed",
    );
    expect(await explanationRow(db, detectionId)).toMatchObject({
      status: "failed",
      error: expect.any(String),
    });
    expect(await explainDetection(ctx, { detectionId, organizationId: other.id }, testAi())).toBe("missing");
    expect(
      await explainDetection(ctx, { detectionId: "det_nope", organizationId: organization.id }, testAi()),
    ).toBe("missing");
  });
});

/** A detection made by `POST /api/v1/evaluate` (no charge), with its explanation requested. */
async function insertDetectionWithTrace(db: Db, organizationId: string, trace: Record<string, unknown>) {
  const id = generateId("det");
  await insertDetection(
    db,
    {
      id,
      organizationId,
      source: "evaluate",
      livemode: false,
      decision: "REVIEW",
      riskScore: 45,
      confidence: 0.9,
      trace,
      features: {},
      engineVersion: "test",
      rulesetVersion: "test",
      latencyMs: 1,
    },
    explanationRequest(organizationId, id, "REVIEW"),
  );
  return id;
}

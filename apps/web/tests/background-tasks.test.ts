import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { GET as getDetection } from "@/app/api/v1/detections/[id]/route";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, DEMO_API_KEY, PLATFORM_SECRET } from "./web-test-runtime";

describe("background tasks in embedded mode", () => {
  it("explain a webhook's detection in the background: outbox row, inline host, templates", async () => {
    const runtime = await bootTestRuntime({}, { startTasks: true });
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.failed.json"));
    const { body } = await sendWebhook(event, { secret: PLATFORM_SECRET });
    const id = (body.detection as { id: string }).id;

    let explanation: { status: string; summary?: string; language?: string; source?: string } | null = null;
    for (let attempt = 0; attempt < 40 && explanation?.status !== "ready"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const response = await getDetection(
        new Request(`http://localhost/api/v1/detections/${id}`, {
          headers: { authorization: `Bearer ${DEMO_API_KEY}` },
        }),
        { params: Promise.resolve({ id }) },
      );
      explanation = (await response.json()).explanation;
    }
    await runtime.close();

    // The demo shop is French: its explanations are written in French, by templates without an LLM key.
    expect(explanation).toMatchObject({ status: "ready", language: "fr", source: "template" });
    expect(explanation?.summary).toMatch(/score de risque/i);
  });
});

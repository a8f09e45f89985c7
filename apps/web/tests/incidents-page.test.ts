import { incidentsSummarizeTask, listAlertsPage, withOrganization } from "@orylo/core";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import IncidentsPage from "@/app/(dashboard)/incidents/page";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { createMemberSession, currentRequest } from "./request-headers";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("'", "&#x27;");

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

describe("the incidents page", () => {
  it("titles a card-testing incident from its summary, in the reader's language", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    for (const { event } of simulatedTraffic({ seed: 11, end: new Date(), shoppers: 4, burstCards: 20 }))
      await sendWebhook({ ...event, account: shop.account }, { secret: CONNECT_SECRET });
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "system", task: "test" } },
      shop.id,
    );
    // What the blocked payments queued for the end of the minute, run now.
    await incidentsSummarizeTask.run(runtime.taskDeps, { organizationId: shop.id });
    const incident = (await listAlertsPage(ctx, { status: "open", limit: 25 })).data[0];
    const summary = incident?.summary;
    if (!incident || !summary) throw new Error("no card-testing incident was opened");

    // The shop writes English; this reader's browser asks for French.
    const viewer = await createMemberSession(runtime, shop.id, "viewer");
    currentRequest.headers = new Headers({ cookie: viewer.cookie, "accept-language": "fr-FR,fr;q=0.9" });
    const html = renderToStaticMarkup(await IncidentsPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain(`Attaque de test de cartes : ${summary.blocked} tentatives bloquées`);
    expect(html).not.toContain(incident.title);
    expect(html).toContain(`<code>${escapeHtml(summary.suggestedRule)}</code>`);
    expect(html).toContain("Commencée le ");
  }, 60_000);
});

import { createApiKey, withOrganization } from "@orylo/core";
import { auditLog, findLabelTarget } from "@orylo/db";
import { asFreshEvent, type FakeStripe, loadStripeFixture, startFakeStripe } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { appFilesNamed, importAppModule } from "./app-files";
import { actAs, createMemberSession } from "./request-headers";
import { seedRecommendation } from "./seed-recommendation";
import { seedSuggestions } from "./seed-suggestion";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

// Every state-changing route handler (any method but GET) and every server action, found on disk, is
// called once by the organization's owner and must leave an audit entry: a new one without a case here
// fails the test, so whoever adds a change says how to call it and the test proves it is audited.

const CHANGING = ["POST", "PUT", "PATCH", "DELETE"] as const;

interface Ids {
  invitationToCancel: string;
  chargeId: string;
  detectionId: string;
  transactionId: string;
  customerId: string;
  listId: string;
  ruleId: string;
  ruleToDelete: string;
  restrictedKey: string;
  apiKeyToRevoke: string;
  /** Pending AI proposals, one per decision (inbox action or API route): each decides its own once. */
  suggestionIds: { accept: string; reject: string; edit: string };
  recommendationIds: { apply: string; reject: string };
  apiSuggestionIds: { accept: string; reject: string; edit: string };
  apiRecommendationIds: { apply: string; reject: string };
}
interface RouteCall {
  auth: "api" | "session";
  params?: Record<string, string>;
  body?: unknown;
}

/** Changes that are not an organization's state, or not the merchant's doing: why each has no entry. */
const EXEMPT_ROUTES: Record<string, string> = {
  "api/[...path]/route.ts POST": "answers 404 to every caller",
  "api/[...path]/route.ts PUT": "answers 404 to every caller",
  "api/[...path]/route.ts PATCH": "answers 404 to every caller",
  "api/[...path]/route.ts DELETE": "answers 404 to every caller",
  "api/auth/[...all]/route.ts POST": "better-auth: our own users sign in, up and out",
  "api/webhooks/stripe/route.ts POST": "Stripe's events, each kept in stripe_events with its outcome",
  "api/webhooks/stripe/[endpointId]/route.ts POST": "Stripe's events, each kept in stripe_events",
  "api/v1/evaluate/route.ts POST":
    "scoring: its record is the detection (source `evaluate`); an audit write would double the 30 ms path's writes",
  "api/v1/rules/validate/route.ts POST": "compiles a rule, saves nothing",
  "api/v1/rules/backtest/route.ts POST": "replays history, saves nothing",
  "api/v1/rules/draft/route.ts POST": "drafts a rule from a sentence, saves nothing",
  "api/stripe/connect/route.ts POST":
    "writes only a single-use OAuth state; the connection it leads to is audited by the callback (`stripe.connected`)",
};

const ROUTE_CASES: Record<string, (ids: Ids) => RouteCall> = {
  "api/v1/lists/route.ts POST": () => ({ auth: "api", body: { name: "audit_list", kind: "email" } }),
  "api/v1/lists/[id]/items/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.listId },
    body: { items: [{ value: "audited@example.test" }] },
  }),
  "api/v1/lists/[id]/items/[value]/route.ts DELETE": (ids) => ({
    auth: "api",
    params: { id: ids.listId, value: "audited@example.test" },
  }),
  "api/v1/rules/route.ts POST": () => ({ auth: "api", body: { text: "Review if :amount_in_eur: > 700" } }),
  "api/v1/rules/[id]/route.ts PATCH": (ids) => ({
    auth: "api",
    params: { id: ids.ruleId },
    body: { priority: 3 },
  }),
  "api/v1/rules/[id]/route.ts DELETE": (ids) => ({ auth: "api", params: { id: ids.ruleToDelete } }),
  "api/v1/settings/route.ts PATCH": () => ({ auth: "api", body: { blockThreshold: 86 } }),
  "api/v1/transactions/[id]/label/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.chargeId },
    body: { kind: "legitimate" },
  }),
  "api/v1/customers/[id]/route.ts DELETE": (ids) => ({ auth: "api", params: { id: ids.customerId } }),
  "api/v1/suggestions/refresh/route.ts POST": () => ({ auth: "api", body: { kinds: ["blacklist"] } }),
  "api/v1/suggestions/[id]/accept/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.apiSuggestionIds.accept },
  }),
  "api/v1/suggestions/[id]/reject/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.apiSuggestionIds.reject },
    body: { reason: "A regular" },
  }),
  "api/v1/suggestions/[id]/edit/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.apiSuggestionIds.edit },
    body: { value: "203.0.113.98" },
  }),
  "api/v1/recommendations/[id]/apply/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.apiRecommendationIds.apply },
    body: { mode: "shadow" },
  }),
  "api/v1/recommendations/[id]/reject/route.ts POST": (ids) => ({
    auth: "api",
    params: { id: ids.apiRecommendationIds.reject },
    body: { reason: "Too broad" },
  }),
  "api/stripe/restricted-key/route.ts POST": (ids) => ({ auth: "session", body: { key: ids.restrictedKey } }),
  "api/stripe/disconnect/route.ts POST": () => ({ auth: "session" }),
};

const EXEMPT_ACTIONS: Record<string, string> = {
  "(auth)/actions.ts signIn": "our own user's session",
  "(auth)/actions.ts signUp": "creates the user and its organization",
  "(auth)/actions.ts signOut": "ends our own user's session",
  "(dashboard)/preferences-actions.ts setPreference": "a cookie of the caller's own browser",
  "(dashboard)/rules/actions.ts validateRuleText": "compiles a rule, saves nothing",
  "(dashboard)/rules/actions.ts backtestRuleText": "replays history, saves nothing",
  "(dashboard)/rules/actions.ts draftRuleFromSentence": "drafts a rule from a sentence, saves nothing",
  "invitations/[id]/actions.ts acceptInvitation":
    "needs the invitee's own session: team.test.ts checks the `member.joined` entry it writes",
  "(dashboard)/onboarding/actions.ts sendWebhookTestEvent":
    "sends a test event to our own webhook URL; what arrives is kept in stripe_events",
};

const ACTION_CASES: Record<string, (ids: Ids) => unknown> = {
  "(dashboard)/settings/team-actions.ts inviteMember": () => ({
    email: "audited.invitee@example.test",
    role: "viewer",
  }),
  "(dashboard)/settings/team-actions.ts cancelInvitation": (ids) => ({
    invitationId: ids.invitationToCancel,
  }),
  "(dashboard)/detections/[id]/actions.ts blockSource": (ids) => ({ detectionId: ids.detectionId }),
  "(dashboard)/detections/[id]/actions.ts whitelistCustomer": (ids) => ({ detectionId: ids.detectionId }),
  "(dashboard)/detections/[id]/actions.ts undoListAdditions": (ids) => ({
    items: [{ listId: ids.listId, value: "kept@example.test" }],
  }),
  "(dashboard)/detections/[id]/actions.ts labelPayment": (ids) => ({
    transactionId: ids.transactionId,
    label: { kind: "fraud" },
  }),
  "(dashboard)/ai/inbox/actions.ts acceptSuggestionAction": (ids) => ({ id: ids.suggestionIds.accept }),
  "(dashboard)/ai/inbox/actions.ts rejectSuggestionAction": (ids) => ({
    id: ids.suggestionIds.reject,
    reason: "A regular",
  }),
  "(dashboard)/ai/inbox/actions.ts editSuggestionAction": (ids) => ({
    id: ids.suggestionIds.edit,
    value: "203.0.113.99",
  }),
  "(dashboard)/ai/inbox/actions.ts applyRecommendationAction": (ids) => ({
    id: ids.recommendationIds.apply,
    mode: "shadow",
  }),
  "(dashboard)/ai/inbox/actions.ts rejectRecommendationAction": (ids) => ({
    id: ids.recommendationIds.reject,
    reason: "Too broad",
  }),
  "(dashboard)/settings/actions.ts saveSettings": () => ({ reviewThreshold: 26 }),
  "(dashboard)/onboarding/actions.ts startWithDemoData": () => ({}),
  "(dashboard)/settings/actions.ts createKey": () => ({ name: "audited key", scopes: ["read"] }),
  "(dashboard)/settings/actions.ts revokeKey": (ids) => ({ id: ids.apiKeyToRevoke }),
  "(dashboard)/customers/[ref]/actions.ts blockThisCustomer": (ids) => ({ ref: ids.customerId }),
  "(dashboard)/customers/[ref]/actions.ts trustThisCustomer": (ids) => ({ ref: ids.customerId }),
  "(dashboard)/lists/[id]/actions.ts addItems": (ids) => ({
    listId: ids.listId,
    items: [{ value: "added@example.test" }],
  }),
  // After addItems: it removes what addItems added.
  "(dashboard)/lists/[id]/actions.ts removeItems": (ids) => ({
    listId: ids.listId,
    values: ["added@example.test"],
  }),
  "(dashboard)/rules/actions.ts saveRule": (ids) => ({
    id: ids.ruleId,
    text: "Review if :amount_in_eur: > 650",
    mode: "shadow",
  }),
};

let runtime: Runtime;
let fakeStripe: FakeStripe;
let owner: { merchant: TestMerchant; cookie: string };
let ids: Ids;

const auditCount = async () =>
  (
    await runtime.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.organizationId, owner.merchant.id))
  ).length;

async function callRoute(file: string, method: string, spec: RouteCall, requestId: string) {
  const module =
    await importAppModule<(request: Request, context: { params: Promise<unknown> }) => Promise<Response>>(
      file,
    );
  const handler = module[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const headers = new Headers(
    spec.auth === "api" ? { authorization: `Bearer ${owner.merchant.apiKey}` } : { cookie: owner.cookie },
  );
  headers.set("x-request-id", requestId);
  if (spec.body !== undefined) headers.set("content-type", "application/json");
  const response = await handler(
    new Request(`http://localhost/${file.replace(/\/route\.ts$/, "")}`, {
      method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
    }),
    { params: Promise.resolve(spec.params ?? {}) },
  );
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  runtime = await bootTestRuntime(
    { STRIPE_SECRET_KEY: "sk_test_platform_audit", STRIPE_CONNECT_CLIENT_ID: "ca_audit", PORT: "3000" },
    { stripeOverrides: { ...fakeStripe.clientOptions, maxNetworkRetries: 0 } },
  );
  const db = runtime.database.db;
  const merchant = await createTestMerchant(db);
  owner = { merchant, cookie: (await createMemberSession(runtime, merchant.id, "owner")).cookie };

  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
    account: merchant.account,
  });
  const chargeId = `ch_aud${crypto.randomUUID().replaceAll("-", "").slice(0, 14)}`;
  const customerId = `cus_aud${crypto.randomUUID().slice(0, 8)}`;
  Object.assign(event.data.object as Record<string, unknown>, {
    id: chargeId,
    payment_intent: null,
    customer: customerId,
    billing_details: { email: "audited.payer@example.test" },
  });
  const { body } = await sendWebhook(event, { secret: CONNECT_SECRET });
  const target = await findLabelTarget(db, merchant.id, { chargeId });
  if (!target) throw new Error("the webhook stored no transaction");
  const post = async (file: string, body: unknown, params: Record<string, string> = {}) => {
    const response = await callRoute(
      file,
      "POST",
      { auth: "api", body, params },
      `req_setup_${crypto.randomUUID().slice(0, 8)}`,
    );
    expect(response.status, response.text).toBeLessThan(300);
    return JSON.parse(response.text) as { id: string };
  };
  const list = await post("api/v1/lists/route.ts", { name: "audit_emails", kind: "email" });
  await post(
    "api/v1/lists/[id]/items/route.ts",
    { items: [{ value: "kept@example.test" }] },
    { id: list.id },
  );
  const rule = await post("api/v1/rules/route.ts", { text: "Review if :amount_in_eur: > 900" });
  const doomed = await post("api/v1/rules/route.ts", { text: "Review if :amount_in_eur: > 950" });
  const restrictedKey = `rk_test_${crypto.randomUUID().replaceAll("-", "")}`;
  fakeStripe.addKey(restrictedKey, {
    account: merchant.account,
    permissions: ["rak_charge_read", "rak_webhook_write"],
  });
  const [accept = "", reject = "", edit = "", apiAccept = "", apiReject = "", apiEdit = ""] =
    await seedSuggestions(db, merchant.id, 6);
  ids = {
    invitationToCancel: (
      await runtime.auth.api.createInvitation({
        headers: new Headers({ cookie: owner.cookie }),
        body: { email: "withdrawn.invitee@example.test", role: "viewer", organizationId: merchant.id },
      })
    ).id,
    suggestionIds: { accept, reject, edit },
    apiSuggestionIds: { accept: apiAccept, reject: apiReject, edit: apiEdit },
    apiRecommendationIds: {
      apply: await seedRecommendation(db, merchant.id, "Review if :card_country: = 'AR'"),
      reject: await seedRecommendation(db, merchant.id, "Review if :card_country: = 'CL'"),
    },
    recommendationIds: {
      apply: await seedRecommendation(db, merchant.id, "Review if :card_country: = 'BR'"),
      reject: await seedRecommendation(db, merchant.id, "Review if :card_country: = 'NG'"),
    },
    chargeId,
    detectionId: (body.detection as { id: string }).id,
    transactionId: target.id,
    customerId,
    listId: list.id,
    ruleId: rule.id,
    ruleToDelete: doomed.id,
    restrictedKey,
    apiKeyToRevoke: (
      await createApiKey(
        withOrganization(
          { ...requestContext(runtime), actor: { type: "system", task: "test" } },
          merchant.id,
        ),
        { name: "to revoke" },
      )
    ).id,
  };
});

afterAll(() => fakeStripe.close());

describe("audit log completeness: every state-changing route", () => {
  it("has a case (or a stated exemption) for each changing method of each file", async () => {
    for (const file of appFilesNamed("route.ts")) {
      const module = await importAppModule<unknown>(file);
      for (const method of CHANGING.filter((m) => typeof module[m] === "function")) {
        const key = `${file} ${method}`;
        expect(ROUTE_CASES[key] ?? EXEMPT_ROUTES[key], `no audit case for ${key}`).toBeDefined();
      }
    }
  });

  for (const [key, spec] of Object.entries(ROUTE_CASES)) {
    it(`${key} writes an entry with its request id`, async () => {
      const [file = "", method = ""] = key.split(" ");
      const requestId = `req_audit_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
      const response = await callRoute(file, method, spec(ids), requestId);
      expect(response.status, response.text.slice(0, 300)).toBeLessThan(400);
      const entries = await runtime.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, owner.merchant.id), eq(auditLog.requestId, requestId)));
      expect(entries.length, `${key} left no audit entry`).toBeGreaterThan(0);
    });
  }
});

describe("audit log completeness: every server action", () => {
  it("has a case (or a stated exemption) for each exported action", async () => {
    for (const file of appFilesNamed("actions.ts")) {
      const module = await importAppModule<unknown>(file);
      for (const name of Object.keys(module).filter((n) => typeof module[n] === "function")) {
        const key = `${file} ${name}`;
        expect(ACTION_CASES[key] ?? EXEMPT_ACTIONS[key], `no audit case for ${key}`).toBeDefined();
      }
    }
  });

  for (const [key, input] of Object.entries(ACTION_CASES)) {
    it(`${key} writes an entry`, async () => {
      const [file = "", name = ""] = key.split(" ");
      const module = await importAppModule<(input: unknown) => Promise<{ ok: boolean }>>(file);
      const action = module[name];
      if (!action) throw new Error(`${file} has no action ${name}`);
      const before = await auditCount();
      actAs(owner);
      const result = await action(input(ids));
      expect(result, `${key}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
      expect(await auditCount(), `${key} left no audit entry`).toBeGreaterThan(before);
    });
  }
});

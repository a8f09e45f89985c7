import { createApiKey, feedCursorAt, withOrganization } from "@orylo/core";
import { findLabelTarget } from "@orylo/db";
import {
  asFreshEvent,
  type FakeLlm,
  type FakeStripe,
  loadStripeFixture,
  startFakeLlm,
  startFakeStripe,
} from "@orylo/testkit";
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
import { startWebhookBridge } from "./webhook-bridge";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

// Every route handler and every server action, found on disk, is called twice: by a second organization on
// the first one's ids (404, or 403), then by the owner (success). A new route or action without a case
// here fails the test: whoever adds one says how to call it, and the test proves it is scoped.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

interface Ids {
  detectionId: string;
  chargeId: string;
  transactionId: string;
  listId: string;
  ruleId: string;
  ruleToDelete: string;
  recommendationToApply: string;
  recommendationToReject: string;
  firstCursor: string;
  customerId: string;
  /** One pending suggestion per decision route: each decides it once. */
  suggestionIds: { accept: string; reject: string; edit: string };
  /** The same, for the AI inbox's server actions. */
  inboxSuggestionIds: { accept: string; reject: string; edit: string };
  inboxRecommendations: { apply: string; reject: string };
  customerRef: string;
  apiKeyToRevoke: string;
  invitationId: string;
}
type Caller = { kind: "api"; key: string } | { kind: "session"; cookie: string };
interface RouteCall {
  auth: "api" | "session";
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

/** Routes anyone may call, or that act for no organization: why each is exempt. */
const PUBLIC_ROUTES: Record<string, string> = {
  "api/[...path]/route.ts": "answers 404 to every caller",
  "api/auth/[...all]/route.ts": "better-auth: signs in before there is an organization",
  "api/health/route.ts": "liveness, no data",
  "api/health/ready/route.ts": "readiness, no data",
  "api/v1/openapi.json/route.ts": "the public contract",
  "api/webhooks/stripe/route.ts":
    "Stripe's signature selects the organization (tests/stripe-webhook.test.ts)",
  "api/webhooks/stripe/[endpointId]/route.ts": "the endpoint's secret selects the organization",
  "api/stripe/connect/callback/route.ts":
    "the OAuth state is bound to the session and organization that started it (stripe-connect.test.ts)",
  "api/stripe/restricted-key/route.ts":
    "takes a key, no id of ours; role and organization from the session (stripe-restricted-key.test.ts)",
};

const ROUTE_CASES: Record<string, Partial<Record<(typeof METHODS)[number], (ids: Ids) => RouteCall>>> = {
  "api/dashboard/feed/route.ts": { GET: (ids) => ({ auth: "session", query: `after=${ids.firstCursor}` }) },
  "api/stripe/connect/route.ts": { POST: () => ({ auth: "session" }) },
  "api/v1/actions/route.ts": { GET: () => ({ auth: "api" }) },
  "api/v1/alerts/route.ts": { GET: () => ({ auth: "api" }) },
  "api/v1/ai/feedback/route.ts": { GET: () => ({ auth: "api", query: "days=90" }) },
  "api/v1/ai/usage/route.ts": { GET: () => ({ auth: "api" }) },
  "api/v1/jobs/route.ts": { GET: () => ({ auth: "api" }) },
  "api/v1/detections/route.ts": { GET: () => ({ auth: "api" }) },
  "api/v1/detections/[id]/route.ts": { GET: (ids) => ({ auth: "api", params: { id: ids.detectionId } }) },
  "api/v1/evaluate/route.ts": { POST: () => ({ auth: "api", body: { amount: 1999, currency: "eur" } }) },
  "api/v1/lists/route.ts": {
    GET: () => ({ auth: "api" }),
    POST: () => ({ auth: "api", body: { name: `l${crypto.randomUUID().slice(0, 8)}`, kind: "email" } }),
  },
  "api/v1/lists/[id]/items/route.ts": {
    POST: (ids) => ({
      auth: "api",
      params: { id: ids.listId },
      body: { items: [{ value: "new@example.test" }] },
    }),
  },
  "api/v1/lists/[id]/items/[value]/route.ts": {
    DELETE: (ids) => ({ auth: "api", params: { id: ids.listId, value: "new@example.test" } }),
  },
  "api/v1/suggestions/route.ts": { GET: () => ({ auth: "api", query: "status=pending" }) },
  "api/v1/suggestions/refresh/route.ts": { POST: () => ({ auth: "api", body: { kinds: ["blacklist"] } }) },
  "api/v1/suggestions/[id]/accept/route.ts": {
    POST: (ids) => ({ auth: "api", params: { id: ids.suggestionIds.accept } }),
  },
  "api/v1/suggestions/[id]/reject/route.ts": {
    POST: (ids) => ({ auth: "api", params: { id: ids.suggestionIds.reject }, body: { reason: "A regular" } }),
  },
  "api/v1/suggestions/[id]/edit/route.ts": {
    POST: (ids) => ({
      auth: "api",
      params: { id: ids.suggestionIds.edit },
      body: { expiresAt: "2099-01-01T00:00:00Z" },
    }),
  },
  "api/v1/rules/route.ts": {
    GET: () => ({ auth: "api" }),
    POST: () => ({ auth: "api", body: { text: "Block if :amount_in_eur: > 5000" } }),
  },
  "api/v1/rules/[id]/route.ts": {
    GET: (ids) => ({ auth: "api", params: { id: ids.ruleId } }),
    PATCH: (ids) => ({ auth: "api", params: { id: ids.ruleId }, body: { name: "renamed" } }),
    DELETE: (ids) => ({ auth: "api", params: { id: ids.ruleToDelete } }),
  },
  "api/v1/rules/[id]/versions/route.ts": { GET: (ids) => ({ auth: "api", params: { id: ids.ruleId } }) },
  "api/v1/rules/backtest/route.ts": { POST: (ids) => ({ auth: "api", body: { ruleIds: [ids.ruleId] } }) },
  "api/v1/rules/validate/route.ts": {
    POST: () => ({ auth: "api", body: { text: "Block if :card_country: = 'US'" } }),
  },
  "api/v1/rules/draft/route.ts": { POST: () => ({ auth: "api", body: { text: "block US cards" } }) },
  "api/v1/recommendations/route.ts": { GET: () => ({ auth: "api" }) },
  "api/v1/recommendations/[id]/route.ts": {
    GET: (ids) => ({ auth: "api", params: { id: ids.recommendationToApply } }),
  },
  "api/v1/recommendations/[id]/apply/route.ts": {
    POST: (ids) => ({ auth: "api", params: { id: ids.recommendationToApply }, body: { mode: "shadow" } }),
  },
  "api/v1/recommendations/[id]/reject/route.ts": {
    POST: (ids) => ({
      auth: "api",
      params: { id: ids.recommendationToReject },
      body: { reason: "not for us" },
    }),
  },
  "api/v1/settings/route.ts": {
    GET: () => ({ auth: "api" }),
    PATCH: () => ({ auth: "api", body: { blockThreshold: 85 } }),
  },
  "api/v1/transactions/[id]/label/route.ts": {
    POST: (ids) => ({ auth: "api", params: { id: ids.chargeId }, body: { kind: "fraud" } }),
  },
  "api/v1/customers/[id]/export/route.ts": {
    GET: (ids) => ({ auth: "api", params: { id: ids.customerId } }),
  },
  "api/v1/customers/[id]/route.ts": { DELETE: (ids) => ({ auth: "api", params: { id: ids.customerId } }) },
  "api/stripe/connection/route.ts": { GET: () => ({ auth: "session" }) },
  // Last: it stops routing the merchant's Connect events.
  "api/stripe/disconnect/route.ts": { POST: () => ({ auth: "session" }) },
};

/** Server actions callable without a session: why each is exempt. */
const PUBLIC_ACTIONS: Record<string, Record<string, string>> = {
  "(auth)/actions.ts": {
    signIn: "creates the session",
    signUp: "creates the user and its own organization",
    signOut: "ends the caller's own session",
  },
  "(dashboard)/preferences-actions.ts": { setPreference: "sets a cookie of the caller's own browser" },
  "invitations/[id]/actions.ts": {
    acceptInvitation:
      "joins for the caller's own session: better-auth checks the invitation names their email (team.test.ts)",
  },
};

const ACTION_CASES: Record<string, Record<string, (ids: Ids) => unknown>> = {
  "(dashboard)/detections/[id]/actions.ts": {
    blockSource: (ids) => ({ detectionId: ids.detectionId }),
    whitelistCustomer: (ids) => ({ detectionId: ids.detectionId }),
    undoListAdditions: (ids) => ({ items: [{ listId: ids.listId, value: "kept@example.test" }] }),
    labelPayment: (ids) => ({ transactionId: ids.transactionId, label: { kind: "legitimate" } }),
  },
  "(dashboard)/settings/actions.ts": {
    saveSettings: () => ({ reviewThreshold: 25 }),
    createKey: () => ({ name: "isolation", scopes: ["read"] }),
    revokeKey: (ids) => ({ id: ids.apiKeyToRevoke }),
  },
  "(dashboard)/customers/[ref]/actions.ts": {
    blockThisCustomer: (ids) => ({ ref: ids.customerRef }),
    trustThisCustomer: (ids) => ({ ref: ids.customerRef }),
  },
  "(dashboard)/lists/[id]/actions.ts": {
    addItems: (ids) => ({ listId: ids.listId, items: [{ value: "added@example.test" }] }),
    // After addItems: it removes what addItems added.
    removeItems: (ids) => ({ listId: ids.listId, values: ["added@example.test"] }),
  },
  "(dashboard)/settings/team-actions.ts": {
    inviteMember: () => ({
      email: `invitee-${crypto.randomUUID().slice(0, 8)}@example.test`,
      role: "viewer",
    }),
    cancelInvitation: (ids) => ({ invitationId: ids.invitationId }),
  },
  "(dashboard)/onboarding/actions.ts": { startWithDemoData: () => ({}), sendWebhookTestEvent: () => ({}) },
  "(dashboard)/ai/inbox/actions.ts": {
    acceptSuggestionAction: (ids) => ({ id: ids.inboxSuggestionIds.accept }),
    rejectSuggestionAction: (ids) => ({ id: ids.inboxSuggestionIds.reject, reason: "A regular" }),
    editSuggestionAction: (ids) => ({ id: ids.inboxSuggestionIds.edit, value: "198.51.100.66" }),
    applyRecommendationAction: (ids) => ({ id: ids.inboxRecommendations.apply, mode: "shadow" }),
    rejectRecommendationAction: (ids) => ({ id: ids.inboxRecommendations.reject, reason: "Too broad" }),
  },
  "(dashboard)/rules/actions.ts": {
    validateRuleText: () => ({ text: "Block if :card_country: = 'US'" }),
    backtestRuleText: () => ({ text: "Block if :amount_in_eur: > 1" }),
    draftRuleFromSentence: () => ({ text: "block US cards", locale: "en" }),
    saveRule: (ids) => ({ id: ids.ruleId, text: "Review if :amount_in_eur: > 800", mode: "shadow" }),
  },
};

let runtime: Runtime;
let fakeStripe: FakeStripe;
let bridge: Awaited<ReturnType<typeof startWebhookBridge>>;
let fakeLlm: FakeLlm;
let owner: { merchant: TestMerchant; cookie: string };
let stranger: { merchant: TestMerchant; cookie: string };
let ids: Ids;

async function call(file: string, method: string, spec: RouteCall, caller: Caller) {
  const module =
    await importAppModule<(request: Request, context: { params: Promise<unknown> }) => Promise<Response>>(
      file,
    );
  const handler = module[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const headers = new Headers(
    caller.kind === "api" ? { authorization: `Bearer ${caller.key}` } : { cookie: caller.cookie },
  );
  if (spec.body !== undefined) headers.set("content-type", "application/json");
  const abort = new AbortController();
  const response = await handler(
    new Request(`http://localhost/${file.replace(/\/route\.ts$/, "")}${spec.query ? `?${spec.query}` : ""}`, {
      method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: abort.signal,
    }),
    { params: Promise.resolve(spec.params ?? {}) },
  );
  const text = response.headers.get("content-type")?.startsWith("text/event-stream")
    ? await readStreamStart(response, abort)
    : await response.text();
  return { status: response.status, text };
}

/** What a live stream sends at once (its first batch), then the client goes away. */
async function readStreamStart(response: Response, abort: AbortController): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  let text = "";
  const decoder = new TextDecoder();
  const deadline = Date.now() + 300;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), 100)),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  abort.abort();
  await reader.cancel();
  return text;
}

const ownedIds = () => [
  ids.detectionId,
  ids.chargeId,
  ids.transactionId,
  ids.listId,
  ids.ruleId,
  ids.recommendationToApply,
  ids.recommendationToReject,
  ids.customerId,
  ...Object.values(ids.suggestionIds),
  ...Object.values(ids.inboxSuggestionIds),
  ...Object.values(ids.inboxRecommendations),
  ids.customerRef,
];
function expectRefusedOrBlind(status: number, text: string, what: string) {
  if (status === 403 || status === 404) return;
  expect(status, `${what}: the stranger got ${status} ${text.slice(0, 200)}`).toBeLessThan(400);
  for (const id of ownedIds())
    expect(text, `${what} showed the owner's ${id} to a stranger`).not.toContain(id);
}

beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  bridge = await startWebhookBridge();
  fakeLlm = await startFakeLlm(() => ({
    output: { rule: "Block if :card_country: = 'US'", reading: "Blocks cards issued in the US." },
  }));
  runtime = await bootTestRuntime(
    {
      OPENAI_API_KEY: "sk-test-isolation",
      OPENAI_BASE_URL: `${fakeLlm.url}/v1`,
      STRIPE_SECRET_KEY: "sk_test_platform_isolation",
      STRIPE_CONNECT_CLIENT_ID: "ca_isolation",
      PORT: "3000",
      ORYLO_PUBLIC_URL: bridge.url,
    },
    { stripeOverrides: { ...fakeStripe.clientOptions, maxNetworkRetries: 0 } },
  );
  const db = runtime.database.db;
  const [a, b] = [await createTestMerchant(db), await createTestMerchant(db)];
  owner = { merchant: a, cookie: (await createMemberSession(runtime, a.id, "owner")).cookie };
  stranger = { merchant: b, cookie: (await createMemberSession(runtime, b.id, "owner")).cookie };

  const firstCursor = feedCursorAt(new Date(Date.now() - 60_000));

  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), { account: a.account });
  const chargeId = `ch_iso${crypto.randomUUID().replaceAll("-", "").slice(0, 14)}`;
  const customerId = `cus_iso${crypto.randomUUID().slice(0, 8)}`;
  Object.assign(event.data.object as Record<string, unknown>, {
    id: chargeId,
    payment_intent: null,
    customer: customerId,
    billing_details: { email: "payer@example.test" },
  });
  const { body } = await sendWebhook(event, { secret: CONNECT_SECRET });
  const detectionId = (body.detection as { id: string }).id;
  const target = await findLabelTarget(db, a.id, { chargeId });
  if (!target) throw new Error("the webhook stored no transaction");

  const api = async (file: string, body: unknown, params: Record<string, string> = {}) => {
    const response = await call(file, "POST", { auth: "api", body, params }, { kind: "api", key: a.apiKey });
    expect(response.status, `${file}: ${response.text}`).toBeLessThan(300);
    return JSON.parse(response.text) as { id: string };
  };
  const list = await api("api/v1/lists/route.ts", { name: "iso_emails", kind: "email" });
  await api(
    "api/v1/lists/[id]/items/route.ts",
    { items: [{ value: "kept@example.test" }, { value: "new@example.test" }] },
    { id: list.id },
  );
  const rule = await api("api/v1/rules/route.ts", { text: "Review if :amount_in_eur: > 900" });
  const doomed = await api("api/v1/rules/route.ts", { text: "Review if :amount_in_eur: > 950" });
  const [s1 = "", s2 = "", s3 = "", s4 = "", s5 = "", s6 = ""] = await seedSuggestions(db, a.id, 6);
  ids = {
    suggestionIds: { accept: s1, reject: s2, edit: s3 },
    inboxSuggestionIds: { accept: s4, reject: s5, edit: s6 },
    inboxRecommendations: {
      apply: await seedRecommendation(db, a.id, "Review if :card_country: = 'AR'"),
      reject: await seedRecommendation(db, a.id, "Review if :card_country: = 'CL'"),
    },
    detectionId,
    chargeId,
    transactionId: target.id,
    listId: list.id,
    ruleId: rule.id,
    ruleToDelete: doomed.id,
    recommendationToApply: await seedRecommendation(db, a.id, "Review if :card_country: = 'BR'"),
    recommendationToReject: await seedRecommendation(db, a.id, "Review if :card_country: = 'NG'"),
    firstCursor,
    customerId,
    customerRef: customerId,
    invitationId: (
      await runtime.auth.api.createInvitation({
        headers: new Headers({ cookie: owner.cookie }),
        body: { email: "iso-invitee@example.test", role: "viewer", organizationId: a.id },
      })
    ).id,
    apiKeyToRevoke: (
      await createApiKey(
        withOrganization({ ...requestContext(runtime), actor: { type: "system", task: "test" } }, a.id),
        { name: "to revoke" },
      )
    ).id,
  };
});

afterAll(async () => {
  await fakeStripe.close();
  await bridge.close();
  await fakeLlm.close();
});

describe("tenant isolation: every route handler", () => {
  const files = appFilesNamed("route.ts");

  it("has a case (or a stated exemption) for each file and method", async () => {
    for (const file of files) {
      if (PUBLIC_ROUTES[file]) continue;
      const module = await importAppModule<unknown>(file);
      const exported = METHODS.filter((method) => typeof module[method] === "function");
      expect(exported.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of exported)
        expect(ROUTE_CASES[file]?.[method], `no case for ${method} ${file}`).toBeDefined();
    }
  });

  for (const [file, methods] of Object.entries(ROUTE_CASES)) {
    for (const [method, spec] of Object.entries(methods)) {
      it(`${method} ${file}: a stranger is refused or sees nothing of the owner's; the owner succeeds`, async () => {
        const request = spec(ids);
        const as = (who: typeof owner): Caller =>
          request.auth === "api"
            ? { kind: "api", key: who.merchant.apiKey }
            : { kind: "session", cookie: who.cookie };
        const refused = await call(file, method, request, as(stranger));
        expectRefusedOrBlind(refused.status, refused.text, `${method} ${file}`);
        const allowed = await call(file, method, request, as(owner));
        expect(allowed.status, `${method} ${file} for the owner: ${allowed.text.slice(0, 300)}`).toBeLessThan(
          400,
        );
      });
    }
  }
});

describe("tenant isolation: every server action", () => {
  const files = appFilesNamed("actions.ts");

  it("has a case (or a stated exemption) for each exported action", async () => {
    for (const file of files) {
      const module = await importAppModule<unknown>(file);
      for (const name of Object.keys(module)) {
        if (typeof module[name] !== "function") continue;
        const covered = ACTION_CASES[file]?.[name] ?? PUBLIC_ACTIONS[file]?.[name];
        expect(covered, `no case for action ${name} in ${file}`).toBeDefined();
      }
    }
  });

  for (const [file, actions] of Object.entries(ACTION_CASES)) {
    for (const [name, input] of Object.entries(actions)) {
      it(`${name} (${file}): a stranger is refused or sees nothing of the owner's; the owner succeeds`, async () => {
        const module =
          await importAppModule<(input: unknown) => Promise<{ ok: boolean; status?: number }>>(file);
        const action = module[name];
        if (!action) throw new Error(`${file} has no action ${name}`);
        actAs(stranger);
        const refused = await action(input(ids));
        expectRefusedOrBlind(refused.ok ? 200 : (refused.status ?? 500), JSON.stringify(refused), name);
        actAs(owner);
        const allowed = await action(input(ids));
        expect(allowed, `${name} for the owner`).toMatchObject({ ok: true });
      });
    }
  }

  it("refuses a caller without a session", async () => {
    const { blockSource } = await import("@/app/(dashboard)/detections/[id]/actions");
    actAs(null);
    expect(await blockSource({ detectionId: ids.detectionId })).toMatchObject({
      ok: false,
      status: 401,
      error: { code: "unauthorized" },
    });
  });
});

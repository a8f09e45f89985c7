import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeStripeError, stripeErrors } from "./errors";
import { decodeStripeForm, type FormObject, stringField } from "./form";
import { handleOAuth, type OAuthGrant } from "./oauth";
import { ROUTES } from "./routes";
import { FakeStripeStore, type StripeObject } from "./store";

export const FAKE_PLATFORM_ACCOUNT = "acct_fakeplatform";

export interface FakeStripeRequest {
  method: string;
  path: string;
  apiKey: string | null;
  account: string;
  idempotencyKey: string | null;
  form: FormObject;
  status: number;
  /** Answered from the idempotency cache: Stripe did not run it again. */
  replayed: boolean;
  /** Reached Stripe's logic (not refused for auth, permission, rate limit or an injected failure). */
  ran: boolean;
}

interface KeyGrant {
  account: string;
  /** `all` for secret keys; a restricted key holds the `rak_…` permissions it was given. */
  permissions: "all" | Set<string>;
}

interface Failure {
  method: string;
  path: RegExp;
  error: () => FakeStripeError;
  remaining: number;
  /** Matching requests let through before the failures start. */
  skip: number;
}

export interface FakeStripe {
  url: string;
  /** Spread into the SDK's options (or `createStripeClient` overrides) to reach this server. */
  clientOptions: { host: string; port: number; protocol: "http" };
  requests: FakeStripeRequest[];
  store: FakeStripeStore;
  /** Requests that reached Stripe's logic (not refused, not replayed) for `method` and a path matching `path`. */
  executed(method: string, path: RegExp): number;
  /** Adds an object to an account (the platform's by default). */
  add<T extends StripeObject>(object: T, account?: string): T;
  /** Any `sk_…` key works on the platform account; other keys (restricted, connected) are registered here. */
  addKey(key: string, grant: { account: string; permissions?: string[] | "all" }): void;
  revokeKey(key: string): void;
  /**
   * Answers `times` matching requests with an error (before Stripe's logic runs, so never cached), after
   * letting `skip` of them through.
   */
  failNext(
    method: string,
    path: RegExp,
    error: () => FakeStripeError,
    options?: { times?: number; skip?: number },
  ): void;
  /** An authorization code the OAuth flow would return for a connected account. */
  addAuthorizationCode(code: string, grant: OAuthGrant): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A local server speaking Stripe's API wire format, for the real `stripe` SDK pointed at it
 * (`new Stripe(key, { ...fake.clientOptions })`): form-encoded requests, JSON answers, list pagination
 * (`has_more`, `starting_after`), Stripe's error shapes and statuses, `Stripe-Account` routing,
 * restricted-key permissions, and `Idempotency-Key` replays (same key + same parameters → the first answer).
 */
export async function startFakeStripe(options: { now?: () => number } = {}): Promise<FakeStripe> {
  const now = options.now ?? (() => Date.now());
  const store = new FakeStripeStore();
  const requests: FakeStripeRequest[] = [];
  const keys = new Map<string, KeyGrant>();
  const revoked = new Set<string>();
  const failures: Failure[] = [];
  const idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  const codes = new Map<string, OAuthGrant>();
  const connected = new Set<string>();

  function grantFor(apiKey: string | null): KeyGrant {
    if (!apiKey || revoked.has(apiKey)) throw stripeErrors.authentication(apiKey ?? "");
    const grant = keys.get(apiKey);
    if (grant) return grant;
    if (/^sk_(test|live)_/.test(apiKey)) return { account: FAKE_PLATFORM_ACCOUNT, permissions: "all" };
    throw stripeErrors.authentication(apiKey);
  }

  function execute(
    method: string,
    path: string,
    apiKey: string | null,
    stripeAccount: string | null,
    form: FormObject,
    reached: () => void,
  ) {
    const failure = failures.find((f) => f.remaining > 0 && f.method === method && f.path.test(path));
    if (failure && failure.skip > 0) failure.skip -= 1;
    else if (failure) {
      failure.remaining -= 1;
      throw failure.error();
    }
    const grant = grantFor(apiKey);
    if (path.startsWith("/oauth/")) {
      reached();
      return handleOAuth(path, form, { codes, keys, connected, now });
    }
    const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
    if (!route) throw stripeErrors.invalid(`Unrecognized request URL (${method}: ${path}).`);
    const account = stripeAccount ?? grant.account;
    if (stripeAccount && grant.account !== FAKE_PLATFORM_ACCOUNT && stripeAccount !== grant.account) {
      throw stripeErrors.permission(apiKey ?? "", stripeAccount, "connect");
    }
    if (route.permission && grant.permissions !== "all" && !grant.permissions.has(route.permission)) {
      throw stripeErrors.permission(apiKey ?? "", account, route.permission);
    }
    const params = (path.match(route.pattern) ?? []).slice(1);
    reached();
    return route.handle({ params, form, account, store, path, now });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    const raw = method === "GET" || method === "DELETE" ? url.search.slice(1) : await readBody(request);
    const form = decodeStripeForm(raw);
    const apiKey =
      request.headers.authorization?.replace(/^Bearer /, "") ?? stringField(form, "client_secret") ?? null;
    const stripeAccount = (request.headers["stripe-account"] as string | undefined) ?? null;
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const cacheKey =
      idempotencyKey && method === "POST"
        ? `${apiKey}|${stripeAccount}|${url.pathname}|${idempotencyKey}`
        : null;
    let ran = false;
    const send = (status: number, body: unknown, replayed = false) => {
      requests.push({
        method,
        path: url.pathname,
        apiKey,
        account: stripeAccount ?? "",
        idempotencyKey,
        form,
        status,
        replayed,
        ran,
      });
      response.writeHead(status, {
        "content-type": "application/json",
        "request-id": `req_fake${requests.length}`,
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      });
      response.end(JSON.stringify(body));
    };

    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (cached) {
      if (cached.params !== raw) return send(400, stripeErrors.idempotency(idempotencyKey ?? "").body);
      return send(cached.status, cached.body, true);
    }
    let status = 200;
    let body: unknown;
    try {
      body = execute(method, url.pathname, apiKey, stripeAccount, form, () => {
        ran = true;
      });
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      status = error.status;
      body = error.body;
    }
    // Refused before Stripe's logic ran (auth, permission, rate limit, injected): never cached, as Stripe does.
    if (cacheKey && ran) idempotent.set(cacheKey, { params: raw, status, body });
    send(status, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { type: "api_error", message: (error as Error).message } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    clientOptions: { host: "127.0.0.1", port, protocol: "http" },
    requests,
    store,
    executed: (method, path) =>
      requests.filter((r) => r.ran && !r.replayed && r.method === method && path.test(r.path)).length,
    add: (object, account = FAKE_PLATFORM_ACCOUNT) => store.put(account, object),
    addKey: (key, { account, permissions = "all" }) =>
      keys.set(key, { account, permissions: permissions === "all" ? "all" : new Set(permissions) }),
    revokeKey: (key) => revoked.add(key),
    failNext: (method, path, error, { times = 1, skip = 0 } = {}) =>
      failures.push({ method, path, error, remaining: times, skip }),
    addAuthorizationCode: (code, grant) => codes.set(code, grant),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import {
  type Actor,
  authenticateApiKey,
  type Ctx,
  type MemberCtx,
  MissingScopeError,
  type OrgCtx,
  type Permission,
  type SessionIdentity,
  UnauthorizedError,
  withOrganization,
} from "@orylo/core";
import type { ApiKeyScope } from "@orylo/db";
import { generateId, traced } from "@orylo/platform";
import { requestContext } from "../request-context";
import { getRuntime, type Runtime } from "../runtime";
import { memberContext } from "../session/member-context";
import { afterResponse } from "./after-response";
import { checkRequestText } from "./check-request-text";
import { enforceRateLimit } from "./rate-limit";
import { toHttpResponse } from "./to-http-response";

type RouteContext<P> = { params: Promise<P> };
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A caller's request id is kept when it is a plain token (it ends up in logs), else one is made. */
function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : generateId("req");
}

/** A span name without ids: `/api/webhooks/stripe/we_…` → `/api/webhooks/stripe/{id}` (few distinct names). */
function routeName(path: string): string {
  return path
    .split("/")
    .map((segment, index) => (index > 3 && /[0-9_%]/.test(segment) ? "{id}" : segment))
    .join("/");
}

/**
 * Wraps a route handler: one request id, a context bound to it, errors mapped to HTTP in one place.
 * `authenticate` decides who acts (and, for API keys, which organization). The handler stays a few lines:
 * parse, one core call, a response.
 */
function wrap<P, C extends Ctx>(
  authenticate: (ctx: Omit<Ctx, "actor">, request: Request, runtime: Runtime) => Promise<C>,
  handler: (ctx: C, request: Request, params: P, runtime: Runtime) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    const runtime = await getRuntime();
    const base = requestContext(runtime, requestId);
    const logger = base.logger;
    const path = new URL(request.url).pathname;
    const attributes = {
      "http.request.method": request.method,
      "url.path": path,
      "orylo.request_id": requestId,
    };
    const response = await traced(`${request.method} ${routeName(path)}`, attributes, async (span) => {
      let answer: Response;
      try {
        const params = await context.params;
        checkRequestText(request, params);
        answer = await handler(await authenticate(base, request, runtime), request, params, runtime);
        answer.headers.set("x-request-id", requestId);
      } catch (error) {
        answer = toHttpResponse(error, { requestId, logger });
      }
      span?.setAttribute("http.response.status_code", answer.status);
      return answer;
    });
    if (request.method !== "GET" && response.status < 400) {
      // A change may have written outbox tasks in its transaction: relay them without waiting for the poll.
      await afterResponse(runtime.relayTasksNow, (error) =>
        logger.error({ err: error }, "task relay failed"),
      );
    }
    logger.info(
      {
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      },
      "request",
    );
    return response;
  };
}

/** A route whose actor is fixed (Stripe's webhooks, health checks). */
export function route<P = Record<string, never>>(
  actor: Actor,
  handler: (ctx: Ctx, request: Request, params: P, runtime: Runtime) => Promise<Response>,
) {
  return wrap<P, Ctx>(async (base) => ({ ...base, actor }), handler);
}

/** By default a GET reads and anything else writes; a route that differs says so (`evaluate`, a dry run). */
function defaultScope(request: Request): ApiKeyScope {
  return request.method === "GET" || request.method === "HEAD" ? "read" : "write";
}

/**
 * API v1: `Authorization: Bearer ork_…` selects the organization every query is scoped by; the key must hold
 * the route's scope (else 403) and is held to the `publicApi` rate limit.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: OrgCtx, request: Request, params: P, runtime: Runtime) => Promise<Response>,
  options: { scope?: ApiKeyScope } = {},
) {
  return wrap<P, OrgCtx>(async (base, request, runtime) => {
    const anonymous: Ctx = { ...base, actor: { type: "system", task: "authenticate" } };
    const key = await authenticateApiKey(anonymous, request.headers.get("authorization"));
    const scope = options.scope ?? defaultScope(request);
    if (!key.scopes.includes(scope)) throw new MissingScopeError(scope);
    await enforceRateLimit(runtime, "publicApi", { organizationId: key.organizationId }, key.apiKeyId);
    return withOrganization(
      { ...base, actor: { type: "api_key", apiKeyId: key.apiKeyId } },
      key.organizationId,
    );
  }, handler);
}

/**
 * The Connect OAuth routes, which bind their state to the session itself: the session cookie says who acts,
 * the core verb checks the member's role (`authorizeMember`). Other dashboard routes use `memberRoute`.
 */
export function sessionRoute<P = Record<string, never>>(
  handler: (
    ctx: Ctx,
    identity: SessionIdentity,
    request: Request,
    params: P,
    runtime: Runtime,
  ) => Promise<Response>,
) {
  return wrap<P, Ctx & { identity: SessionIdentity }>(
    async (base, request) => {
      const runtime = await getRuntime();
      const session = await runtime.auth.api.getSession({ headers: request.headers });
      if (!session) throw new UnauthorizedError("Sign in first.");
      return {
        ...base,
        actor: { type: "user", userId: session.user.id },
        identity: {
          userId: session.user.id,
          sessionId: session.session.id,
          organizationId: session.session.activeOrganizationId ?? null,
        },
      };
    },
    ({ identity, ...ctx }, request, params, runtime) => handler(ctx, identity, request, params, runtime),
  );
}

/** Dashboard routes (the live feed): the session cookie selects the member and its organization. */
export function memberRoute<P = Record<string, never>>(
  permission: Permission,
  handler: (ctx: MemberCtx, request: Request, params: P, runtime: Runtime) => Promise<Response>,
) {
  return wrap<P, MemberCtx>((base, request) => memberContext(request.headers, permission, base), handler);
}

import type { Ctx } from "@orylo/core";
import { generateId } from "@orylo/platform";
import type { Runtime } from "./runtime";

/**
 * What every request's context starts from, before anyone is authenticated: the database, one request id and
 * a logger that carries it. Routes, dashboard pages, server actions and sign-up all begin here.
 */
export function requestContext(runtime: Runtime, requestId: string = generateId("req")): Omit<Ctx, "actor"> {
  return {
    db: runtime.database.db,
    requestId,
    logger: runtime.logger.child({ requestId }),
    now: () => new Date(),
    analytics: runtime.analytics,
  };
}

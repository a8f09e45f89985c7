import type { MemberCtx, Permission } from "@orylo/core";
import { generateId } from "@orylo/platform";
import { headers } from "next/headers";
import type { z } from "zod";
import { type ErrorBody, toErrorBody } from "../http/to-http-response";
import { getRuntime } from "../runtime";
import { memberContext } from "./member-context";

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false; status: number } & ErrorBody);

/**
 * A server action for signed-in members: checks the permission, validates the input with zod, calls one
 * core verb, and returns errors as data (the same codes and messages as the API) instead of throwing
 * across the network boundary.
 */
export function memberAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (ctx: MemberCtx, input: z.infer<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const runtime = await getRuntime();
    try {
      const ctx = await memberContext(await headers(), permission);
      const data = await run(ctx, schema.parse(input));
      // A change may have written outbox tasks in its transaction: relay them now (reads write none).
      if (permission !== "read") await runtime.relayTasksNow();
      return { ok: true, data };
    } catch (error) {
      const requestId = generateId("req");
      return { ok: false, ...toErrorBody(error, { requestId, logger: runtime.logger.child({ requestId }) }) };
    }
  };
}

import { join, relative } from "node:path";
import { signStripePayload } from "@orylo/testkit";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime";
import { APP_DIR, appFilesNamed } from "./app-files";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, PLATFORM_SECRET } from "./web-test-runtime";

const API_DIR = join(APP_DIR, "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** Every API route file on disk (absolute paths), so a route added tomorrow is covered without editing this test. */
function routeFiles(): string[] {
  return appFilesNamed("route.ts")
    .filter((file) => file.startsWith("api/"))
    .map((file) => join(APP_DIR, file));
}

/** `/api/v1/rules/[id]` with a hostile value in every dynamic segment (catch-alls get a list). */
function pathAndParams(file: string, value: string) {
  const segments = relative(API_DIR, file).split("/").slice(0, -1);
  const params: Record<string, unknown> = {};
  const path = segments.map((segment) => {
    const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
    if (!name) return segment;
    // A catch-all gets a real endpoint's path (better-auth's sign-in), so its body parsing is reached.
    params[name] = segment.startsWith("[...") ? value.split("/") : value;
    return segment.startsWith("[...")
      ? value.split("/").map(encodeURIComponent).join("/")
      : encodeURIComponent(value);
  });
  return { path: `/api/${path.join("/")}`, params };
}

const defaultParam = (file: string) => (file.includes("[...") ? "sign-in/email" : "det_unknown");
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

/** Bodies, headers and query strings nobody should send. */
const CASES: {
  name: string;
  body?: string;
  query?: string;
  headers?: Record<string, string>;
  param?: string;
}[] = [
  { name: "malformed JSON", body: '{"amount": 12,' },
  { name: "not an object", body: '"just a string"' },
  { name: "null", body: "null" },
  {
    name: "mistyped fields",
    body: '{"amount":"lots","currency":42,"name":[],"kind":{},"text":7,"items":"x"}',
  },
  { name: "deeply nested array", body: nested(50_000) },
  { name: "deeply nested object", body: nestedObject(5_000) },
  { name: "oversized", body: JSON.stringify({ name: "x".repeat(1_200_000) }) },
  { name: "binary", body: "\u0000\u0001\uFFFD\u0000" },
  {
    name: "NUL in strings",
    body: JSON.stringify({
      id: "evt_nul",
      object: "event",
      type: "charge.succeeded",
      data: { object: { id: "ch_nul", object: "charge", description: "a\u0000b" } },
      name: "a\u0000b",
      kind: "email",
      text: "Block if :email: = '\u0000'",
      amount: 100,
      currency: "usd",
    }),
  },
  { name: "NUL in query", query: "?cursor=%00&decision=ALLOW%00" },
  {
    name: "hostile query",
    query: "?limit=-1&limit=1e99&cursor=%E0%A4%A&decision=__proto__&from=yesterday&after=-5",
  },
  { name: "long query", query: `?cursor=${"a".repeat(20_000)}` },
  { name: "hostile params", param: "../../etc/passwd\u0000'; drop table rules;--" },
  { name: "long params", param: "r".repeat(5_000) },
  {
    name: "wrong content type",
    body: "name=vip&kind=email",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  },
  { name: "hostile idempotency key", body: "{}", headers: { "idempotency-key": "k".repeat(10_000) } },
];

let runtime: Runtime;
let merchant: TestMerchant;
beforeAll(async () => {
  runtime = await bootTestRuntime();
  merchant = await createTestMerchant(runtime.database.db);
});

async function rowCounts(): Promise<Record<string, number>> {
  const db = runtime.database.db;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [count] = await rows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table_name)}`,
    );
    counts[table_name] = Number(count?.n);
  }
  return counts;
}

describe("bad input at every route on disk", () => {
  it("finds the routes, both webhook paths included", () => {
    const paths = routeFiles().map((f) => relative(API_DIR, f));
    expect(paths).toContain("webhooks/stripe/route.ts");
    expect(paths).toContain("webhooks/stripe/[endpointId]/route.ts");
    expect(paths.length).toBeGreaterThan(15);
  });

  it("answers a 4xx JSON error without a stack, and writes nothing", { timeout: 240_000 }, async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    for (const file of routeFiles()) {
      const module = (await import(file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
      for (const method of METHODS) {
        const handler = module[method];
        if (!handler) continue;
        for (const testCase of CASES) {
          if (testCase.body !== undefined && method === "GET") continue;
          const { path, params } = pathAndParams(file, testCase.param ?? defaultParam(file));
          const body = testCase.body ?? (method === "GET" || method === "DELETE" ? undefined : "{}");
          const headers = new Headers({
            authorization: `Bearer ${merchant.apiKey}`,
            "content-type": "application/json",
            origin: "http://localhost:3000",
            ...testCase.headers,
          });
          // Webhook paths get a valid signature over the bad body: the body itself is what is tested.
          if (path.startsWith("/api/webhooks/") && body !== undefined) {
            headers.set("stripe-signature", await signStripePayload(body, PLATFORM_SECRET));
          }
          const url = `http://localhost:3000${path}${testCase.query ?? ""}`;
          const response = await handler(new Request(url, { method, headers, body }), {
            params: Promise.resolve(params),
          });
          const label = `${method} ${relative(API_DIR, file)} [${testCase.name}] → ${response.status}`;
          const text = await response.text();
          if (response.status >= 500) failures.push(`${label}: ${text.slice(0, 200)}`);
          else if (response.status >= 400) {
            const json = (() => {
              try {
                return JSON.parse(text);
              } catch {
                return null;
              }
            })();
            if (!json?.error?.code && !json?.code && !json?.message)
              failures.push(`${label}: not a JSON error`);
            if (/\n\s+at .+:\d+:\d+/.test(text)) failures.push(`${label}: stack trace`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});

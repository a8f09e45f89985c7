import { signStripePayload } from "@orylo/testkit";

export interface Delivery {
  eventId: string;
  payload: string;
  redelivery: boolean;
}

export interface Outcome {
  eventId: string;
  redelivery: boolean;
  /** HTTP status; 0 when the request itself failed (connection, timeout). */
  status: number;
  /** From the intended send time (open loop: a late generator counts against the server, not for it). */
  latencyMs: number;
  duplicate: boolean | null;
  eventStatus: string | null;
  error: string | null;
}

export interface OpenLoopOptions {
  url: string;
  secret: string;
  rate: number;
  count: number;
  maxDurationMs: number;
  maxInFlight: number;
  /** The i-th delivery, made when it is due (so a redelivery can pick among events already sent). */
  next: (index: number) => Delivery;
}

export interface OpenLoopResult {
  outcomes: Outcome[];
  /** From the first send to the last answer. */
  elapsedMs: number;
  /** Due while `maxInFlight` requests were waiting: not sent, so the server was saturated. */
  notSent: number;
  scheduled: number;
}

/**
 * Sends deliveries at a fixed rate whatever the answers take (open loop), each signed when sent as Stripe
 * does for every attempt, to `url`/api/webhooks/stripe; stops at `count` or `maxDurationMs`.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const outcomes: Outcome[] = [];
  const pending = new Set<Promise<void>>();
  const interval = 1000 / options.rate;
  const start = performance.now();
  let notSent = 0;
  let index = 0;
  for (; index < options.count; index++) {
    const intended = start + index * interval;
    if (intended - start > options.maxDurationMs) break;
    const wait = intended - performance.now();
    if (wait >= 1) await Bun.sleep(wait);
    if (pending.size >= options.maxInFlight) {
      notSent += 1;
      continue;
    }
    // A sleep under 1 ms is skipped, so a request may leave a little early: then it counts from when it left.
    const request = send(options, options.next(index), Math.min(intended, performance.now())).then(
      (outcome) => {
        outcomes.push(outcome);
        pending.delete(request);
      },
    );
    pending.add(request);
  }
  await Promise.all(pending);
  return { outcomes, elapsedMs: performance.now() - start, notSent, scheduled: index };
}

async function send(options: OpenLoopOptions, delivery: Delivery, intended: number): Promise<Outcome> {
  const base = { eventId: delivery.eventId, redelivery: delivery.redelivery };
  try {
    const response = await fetch(`${options.url}/api/webhooks/stripe`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": await signStripePayload(delivery.payload, options.secret),
      },
      body: delivery.payload,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const latencyMs = performance.now() - intended;
    const body = parseBody(text);
    return {
      ...base,
      status: response.status,
      latencyMs,
      duplicate: typeof body?.duplicate === "boolean" ? body.duplicate : null,
      eventStatus: typeof body?.status === "string" ? body.status : null,
      error: response.ok ? null : text.slice(0, 300),
    };
  } catch (error) {
    const latencyMs = performance.now() - intended;
    return { ...base, status: 0, latencyMs, duplicate: null, eventStatus: null, error: String(error) };
  }
}

function parseBody(text: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

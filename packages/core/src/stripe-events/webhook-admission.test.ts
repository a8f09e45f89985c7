import { foregroundIdle } from "@orylo/platform";
import { describe, expect, it } from "vitest";
import { OverloadedError } from "../errors";
import {
  createWebhookAdmission,
  defaultWebhookAdmission,
  EMBEDDED_ADMISSION,
  UNLIMITED_ADMISSION,
} from "./webhook-admission";

/** A piece of work that runs until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

describe("webhook admission", () => {
  it("marks each delivery as foreground work while it runs, so background slices wait for it", async () => {
    const admission = createWebhookAdmission(UNLIMITED_ADMISSION);
    const delivery = held();
    const running = admission.run(delivery.work);
    let idle = false;
    const waiting = foregroundIdle(60_000).then(() => {
      idle = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(idle).toBe(false);
    delivery.finish();
    await Promise.all([running, waiting]);
    expect(idle).toBe(true);
  });

  it("lets a waiter in when a turn frees up within the bound, first come first served", async () => {
    const admission = createWebhookAdmission({ capacity: 1, maxWaitMs: 1_000 });
    const first = held();
    const order: string[] = [];
    const running = admission.run(() => {
      order.push("first");
      return first.work();
    });
    const second = admission.run(async () => order.push("second"));
    const third = admission.run(async () => order.push("third"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(["first"]);
    first.finish();
    await Promise.all([running, second, third]);
    expect(order).toEqual(["first", "second", "third"]);
  });

  it("refuses a waiter whose wait passed the bound, by its timer and when the turn comes too late", async () => {
    const admission = createWebhookAdmission({ capacity: 1, maxWaitMs: 20 });
    const first = held();
    const running = admission.run(first.work);
    const waited = admission.run(async () => "ran");
    await expect(waited).rejects.toBeInstanceOf(OverloadedError);
    await expect(waited).rejects.toMatchObject({ code: "overloaded", details: { retryAfterSeconds: 1 } });

    // The clock is also checked at hand-over: a waiter kept past the bound without the loop turning is shed.
    const late = admission.run(async () => "late");
    const start = performance.now();
    while (performance.now() - start < 30) {
      // Busy for longer than the bound: the waiter's timer cannot fire before the turn is handed over.
    }
    first.finish();
    await running;
    await expect(late).rejects.toBeInstanceOf(OverloadedError);
    expect(await admission.run(async () => "free again")).toBe("free again");
  });

  it("refuses at once, without waiting for a turn, while the event loop runs later than the bound", async () => {
    let lag = 250;
    const admission = createWebhookAdmission({ capacity: 2, maxWaitMs: 1_000, maxLagMs: 200 }, () => lag);
    let ran = false;
    const refused = admission.run(async () => {
      ran = true;
    });
    await expect(refused).rejects.toBeInstanceOf(OverloadedError);
    expect(ran).toBe(false);
    lag = 150;
    expect(await admission.run(async () => "taken")).toBe("taken");
  });

  it("sheds on lateness only for PGlite in a production build; pg and Neon never shed", () => {
    expect(defaultWebhookAdmission("pglite", "production")).toEqual(EMBEDDED_ADMISSION);
    for (const nodeEnv of ["development", "test"] as const)
      expect(defaultWebhookAdmission("pglite", nodeEnv)).toEqual({ capacity: 2, maxWaitMs: 2_000 });
    for (const driver of ["pg", "neon"] as const)
      expect(defaultWebhookAdmission(driver, "production")).toEqual(UNLIMITED_ADMISSION);
  });
});

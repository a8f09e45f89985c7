/**
 * The most distinct values seen within any window of `windowMs` over time-stamped items of one key (a card,
 * an IP, an amount): attempts per card (each charge is its own value) or cards per IP.
 */
export function maxDistinctInWindow(
  items: readonly { time: number; value: string }[],
  windowMs: number,
): number {
  const sorted = [...items].sort((a, b) => a.time - b.time);
  const inWindow = new Map<string, number>();
  let best = 0;
  let start = 0;
  for (const item of sorted) {
    inWindow.set(item.value, (inWindow.get(item.value) ?? 0) + 1);
    while (item.time - (sorted[start]?.time ?? item.time) >= windowMs) {
      const leaving = sorted[start++]?.value as string;
      const left = (inWindow.get(leaving) ?? 1) - 1;
      if (left === 0) inWindow.delete(leaving);
      else inWindow.set(leaving, left);
    }
    best = Math.max(best, inWindow.size);
  }
  return best;
}

/** Lets the event loop run between chunks of a long loop (a time slice's `yieldIfDue`). */
export type Pause = () => Promise<void>;
const PAUSE_EVERY = 512;

/** Groups items by a key, skipping items without one, pausing every few hundred items. */
export async function groupBy<T>(
  items: readonly T[],
  key: (item: T) => string | null,
  pause: Pause,
): Promise<Map<string, T[]>> {
  const groups = new Map<string, T[]>();
  for (let index = 0; index < items.length; index++) {
    if (index % PAUSE_EVERY === PAUSE_EVERY - 1) await pause();
    const item = items[index] as T;
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** `fn` of each group, pausing between chunks of groups. */
export async function mapGroups<T, R>(
  groups: ReadonlyMap<string, T[]>,
  fn: (key: string, items: T[]) => R,
  pause: Pause,
): Promise<R[]> {
  const results: R[] = [];
  let done = 0;
  for (const [key, items] of groups) {
    results.push(fn(key, items));
    done += items.length;
    if (done >= PAUSE_EVERY) {
      done = 0;
      await pause();
    }
  }
  return results;
}

import {
  type PaymentHistoryFacts,
  PRIOR_EVENT_ENTITY_FIELDS,
  PRIOR_EVENT_KINDS,
  type PriorEventEntity,
  type PriorEventKind,
  priorEventFeatures,
} from "./history-catalogue";

/**
 * The events on earlier payments (disputes, warnings, fraudulent refunds), sorted by time per kind, entity and
 * value, so a count over (after, before) is two binary searches. Built once from every event of the history:
 * an event is found by its time, so the order it is given in does not matter.
 */
export class PriorEventIndex {
  private readonly times = new Map<string, number[]>();

  constructor(facts: Pick<PaymentHistoryFacts, "events">) {
    const tracked = new Set(
      PRIOR_EVENT_KINDS.flatMap((kind) => priorEventFeatures(kind).map(({ entity }) => `${kind}|${entity}`)),
    );
    for (const event of facts.events)
      for (const [entity, field] of Object.entries(PRIOR_EVENT_ENTITY_FIELDS)) {
        const value = event[field];
        if (value === null || !tracked.has(`${event.kind}|${entity}`)) continue;
        const key = indexKey(event.kind, entity as PriorEventEntity, value);
        let times = this.times.get(key);
        if (!times) {
          times = [];
          this.times.set(key, times);
        }
        times.push(event.at.getTime());
      }
    for (const times of this.times.values()) times.sort((a, b) => a - b);
  }

  /** Events of `kind` on payments with this entity value, at a time in (after, before); after null = no bound. */
  count(kind: PriorEventKind, entity: PriorEventEntity, value: string, after: number | null, before: number) {
    const times = this.times.get(indexKey(kind, entity, value));
    if (!times) return 0;
    const end = firstIndex(times, (time) => time >= before);
    const start = after === null ? 0 : firstIndex(times, (time) => time > after);
    return Math.max(0, end - start);
  }
}

function indexKey(kind: PriorEventKind, entity: PriorEventEntity, value: string): string {
  return `${kind}|${entity}|${value}`;
}

/** The first index whose time satisfies `test` (monotonic over the sorted times), else the length. */
function firstIndex(times: readonly number[], test: (time: number) => boolean): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(times[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

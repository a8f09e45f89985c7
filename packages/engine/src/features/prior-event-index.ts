import {
  type PaymentHistoryFacts,
  PRIOR_EVENT_ENTITY_FIELDS,
  PRIOR_EVENT_KINDS,
  type PriorEventEntity,
  type PriorEventKind,
  priorEventFeatures,
} from "./history-catalogue";

/** Sorted event times by entity value, for one kind and entity. */
export type EventTimes = ReadonlyMap<string, readonly number[]>;
const NONE: EventTimes = new Map();

/**
 * The events on earlier payments (disputes, warnings, fraudulent refunds), sorted by time per kind, entity and
 * value, so a count over (after, before) is two binary searches. Built once from every event of the history:
 * an event is found by its time, so the order it is given in does not matter.
 */
export class PriorEventIndex {
  private readonly byKindEntity = new Map<string, Map<string, number[]>>();

  constructor(facts: Pick<PaymentHistoryFacts, "events">) {
    for (const kind of PRIOR_EVENT_KINDS)
      for (const { entity } of priorEventFeatures(kind))
        this.byKindEntity.set(kindEntity(kind, entity), new Map());
    for (const event of facts.events)
      for (const [entity, field] of Object.entries(PRIOR_EVENT_ENTITY_FIELDS)) {
        const value = event[field];
        const byValue = this.byKindEntity.get(kindEntity(event.kind, entity as PriorEventEntity));
        if (value === null || !byValue) continue;
        let times = byValue.get(value);
        if (!times) {
          times = [];
          byValue.set(value, times);
        }
        times.push(event.at.getTime());
      }
    for (const byValue of this.byKindEntity.values())
      for (const times of byValue.values()) times.sort((a, b) => a - b);
  }

  /** The event times of `kind` by value of `entity`: looked up once, then counted per payment. */
  times(kind: PriorEventKind, entity: PriorEventEntity): EventTimes {
    return this.byKindEntity.get(kindEntity(kind, entity)) ?? NONE;
  }
}

/** Events of one value at a time in (after, before); after null = no bound. */
export function countEvents(
  times: readonly number[] | undefined,
  after: number | null,
  before: number,
): number {
  if (!times) return 0;
  const end = firstIndex(times, (time) => time >= before);
  const start = after === null ? 0 : firstIndex(times, (time) => time > after);
  return Math.max(0, end - start);
}

function kindEntity(kind: PriorEventKind, entity: PriorEventEntity): string {
  return `${kind}|${entity}`;
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

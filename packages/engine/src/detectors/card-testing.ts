import type { FeatureVector } from "../features/catalogue";
import {
  type CARD_COUNT_ENTITIES,
  cardCountFeatureName,
  type VelocityEntity,
  velocityFeatureName,
} from "../features/catalogue";
import type { Transaction } from "../transaction";
import {
  type Detector,
  type DetectorFinding,
  hit,
  noHit,
  ratio,
  readNumber,
  unexplainedHit,
  unexplainedNoHit,
} from "./detector";
import { isTinyAmount, TINY_AMOUNT_READS, tinyAmountLimit } from "./tiny-amount";

/** The sources SPEC §B names for card testing (distinct cards per IP, customer, email); not addresses. */
const CARD_SOURCES = [
  "ip_address",
  "email",
  "customer",
] as const satisfies readonly (typeof CARD_COUNT_ENTITIES)[number][];
type CardEntity = (typeof CARD_SOURCES)[number];
const DECLINE_ENTITIES: readonly VelocityEntity[] = [
  "card_number",
  "ip_address",
  "email",
  "customer",
  "device",
];

/** Distinct cards from one source that make "many cards": 3 in 10 minutes or 5 in an hour (earlier payments). */
const MANY_CARDS = { "10m": 3, hourly: 5 } as const;
/**
 * Declines that make a sequence, counting this payment when it failed itself: a shopper declined
 * twice who then pays is not a sequence; a third decline in 10 minutes is.
 */
const REPEATED_DECLINES = { "10m": 3, hourly: 5 } as const;
const MIN_FAILURE_RATIO = 0.5;

/** An IP is often shared, so many cards behind it weigh less than many cards behind one email or customer. */
const MANY_CARDS_ALONE: Record<CardEntity, number> = { ip_address: 15, email: 35, customer: 35 };

type Declines = { declined: number; attempts: number };
type Window = (typeof WINDOWS_READ)[number];
type DeclineNames = { window: Window; declined: string; total: string };

const WINDOWS_READ = ["10m", "hourly"] as const;
/** Every feature name `detect` reads, built once: it runs for every payment of a backtest. */
const declineNames = (entity: VelocityEntity): DeclineNames[] =>
  WINDOWS_READ.map((window) => ({
    window,
    declined: velocityFeatureName("declined", entity, window),
    total: velocityFeatureName("total", entity, window),
  }));
const ENUMERATION_SOURCES = CARD_SOURCES.map((entity) => ({
  entity,
  windows: declineNames(entity).map((names) => ({
    ...names,
    cards: cardCountFeatureName(entity, names.window),
  })),
}));
const DECLINE_SOURCES = DECLINE_ENTITIES.map((entity) => ({ entity, windows: declineNames(entity) }));

/** Declines and attempts of one entity in a window, this payment included; null when unknown. */
function readDeclines(
  transaction: Transaction,
  features: FeatureVector,
  names: DeclineNames,
): Declines | null {
  const declined = readNumber(features, names.declined);
  const total = readNumber(features, names.total);
  if (declined === null || total === null) return null;
  return { declined: declined + (transaction.status === "failed" ? 1 : 0), attempts: total + 1 };
}

function failing(declines: Declines | null, minimum: number): declines is Declines {
  return (
    declines !== null &&
    declines.declined >= minimum &&
    declines.declined / declines.attempts >= MIN_FAILURE_RATIO
  );
}

/** The first of the strongest findings. */
function stronger(best: DetectorFinding | null, finding: DetectorFinding | null): DetectorFinding | null {
  return finding !== null && (best === null || finding.score > best.score) ? finding : best;
}

/** Many distinct cards from one IP, email or customer; with declines or tiny amounts it is enumeration. */
function findEnumeration(
  transaction: Transaction,
  features: FeatureVector,
  { entity, windows }: (typeof ENUMERATION_SOURCES)[number],
  explain: boolean,
): DetectorFinding | null {
  let best: DetectorFinding | null = null;
  for (const names of windows) {
    const { window, cards: feature } = names;
    const cards = readNumber(features, feature);
    if (cards === null || cards < MANY_CARDS[window]) continue;
    const declines = readDeclines(transaction, features, names);
    const declining = failing(declines, window === "10m" ? 2 : 3);
    const tiny = isTinyAmount(transaction, features);
    const score = declining && tiny ? 90 : declining ? 85 : tiny ? 80 : MANY_CARDS_ALONE[entity];
    const reasonCode = declining || tiny ? "card_testing_enumeration" : "card_testing_many_cards";
    if (!explain) {
      best = stronger(best, unexplainedHit(score, reasonCode));
      continue;
    }
    const evidence = {
      entity,
      [feature]: cards,
      declines_including_this: declines?.declined ?? null,
      attempts_including_this: declines?.attempts ?? null,
      failure_ratio: declines ? ratio(declines.declined, declines.attempts) : null,
      amount: transaction.amount,
      currency: transaction.currency,
      tiny_amount_limit: tinyAmountLimit(transaction, features),
      tiny_amount: tiny,
    };
    const source = `${cards} different earlier cards from this ${entity.replace("_", " ")} (${window})`;
    const why =
      declining && tiny
        ? ", mostly declined, with a tiny amount"
        : declining
          ? ", mostly declined"
          : tiny
            ? ", with a tiny amount"
            : "";
    best = stronger(best, hit(score, reasonCode, evidence, `${source}${why}.`));
  }
  return best;
}

/** A decline sequence on one card, IP, email, customer or device (e.g. guessing a CVC). */
function findRepeatedDeclines(
  transaction: Transaction,
  features: FeatureVector,
  { entity, windows }: (typeof DECLINE_SOURCES)[number],
  explain: boolean,
): DetectorFinding | null {
  let best: DetectorFinding | null = null;
  for (const names of windows) {
    const { window } = names;
    const declines = readDeclines(transaction, features, names);
    if (!failing(declines, REPEATED_DECLINES[window])) continue;
    const extra = declines.declined - REPEATED_DECLINES[window];
    const score = Math.min(65, 35 + (window === "10m" ? 10 : 5) * extra);
    const reasonCode = "card_testing_repeated_declines";
    const finding = explain
      ? hit(
          score,
          reasonCode,
          {
            entity,
            window,
            declines_including_this: declines.declined,
            attempts_including_this: declines.attempts,
            failure_ratio: ratio(declines.declined, declines.attempts),
            decline_code: transaction.declineCode,
          },
          `${declines.declined} of ${declines.attempts} attempts on this ${entity.replace("_", " ")} declined (${window}).`,
        )
      : unexplainedHit(score, reasonCode);
    best = stronger(best, finding);
  }
  return best;
}

export const cardTestingDetector: Detector = {
  name: "card_testing",
  reads: [
    ...ENUMERATION_SOURCES.flatMap(({ windows }) => windows.map(({ cards }) => cards)),
    ...[...new Set<VelocityEntity>([...CARD_SOURCES, ...DECLINE_ENTITIES])].flatMap((entity) =>
      declineNames(entity).flatMap(({ declined, total }) => [declined, total]),
    ),
    ...TINY_AMOUNT_READS,
  ],
  detect(transaction, features, _settings, explain = true) {
    let best: DetectorFinding | null = null;
    for (const source of ENUMERATION_SOURCES)
      best = stronger(best, findEnumeration(transaction, features, source, explain));
    for (const source of DECLINE_SOURCES)
      best = stronger(best, findRepeatedDeclines(transaction, features, source, explain));
    if (best !== null) return best;
    if (!explain) return unexplainedNoHit("card_testing_not_seen");
    return noHit(
      "card_testing_not_seen",
      {},
      "No burst of distinct cards and no decline sequence from this payment's sources.",
    );
  },
};

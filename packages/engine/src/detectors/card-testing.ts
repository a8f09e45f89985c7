import type { FeatureVector } from "../features/catalogue";
import {
  type CARD_COUNT_ENTITIES,
  cardCountFeatureName,
  type VelocityEntity,
  velocityFeatureName,
  type Window,
} from "../features/catalogue";
import type { Transaction } from "../transaction";
import { type Detector, type DetectorFinding, hit, noHit, ratio, readNumber } from "./detector";
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

/** Declines and attempts of one entity in a window, this payment included; null when unknown. */
function readDeclines(
  transaction: Transaction,
  features: FeatureVector,
  entity: VelocityEntity,
  window: Window,
): Declines | null {
  const declined = readNumber(features, velocityFeatureName("declined", entity, window));
  const total = readNumber(features, velocityFeatureName("total", entity, window));
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

/** Many distinct cards from one IP, email or customer; with declines or tiny amounts it is enumeration. */
function findEnumeration(
  transaction: Transaction,
  features: FeatureVector,
  entity: CardEntity,
): DetectorFinding | null {
  const findings: DetectorFinding[] = [];
  for (const window of ["10m", "hourly"] as const) {
    const feature = cardCountFeatureName(entity, window);
    const cards = readNumber(features, feature);
    if (cards === null || cards < MANY_CARDS[window]) continue;
    const declines = readDeclines(transaction, features, entity, window);
    const declining = failing(declines, window === "10m" ? 2 : 3);
    const tiny = isTinyAmount(transaction, features);
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
    const score = declining && tiny ? 90 : declining ? 85 : tiny ? 80 : MANY_CARDS_ALONE[entity];
    const why =
      declining && tiny
        ? ", mostly declined, with a tiny amount"
        : declining
          ? ", mostly declined"
          : tiny
            ? ", with a tiny amount"
            : "";
    const reasonCode = declining || tiny ? "card_testing_enumeration" : "card_testing_many_cards";
    findings.push(hit(score, reasonCode, evidence, `${source}${why}.`));
  }
  return strongest(findings);
}

/** A decline sequence on one card, IP, email, customer or device (e.g. guessing a CVC). */
function findRepeatedDeclines(
  transaction: Transaction,
  features: FeatureVector,
  entity: VelocityEntity,
): DetectorFinding | null {
  const findings = (["10m", "hourly"] as const).map((window) => {
    const declines = readDeclines(transaction, features, entity, window);
    if (!failing(declines, REPEATED_DECLINES[window])) return null;
    const extra = declines.declined - REPEATED_DECLINES[window];
    const score = Math.min(65, 35 + (window === "10m" ? 10 : 5) * extra);
    return hit(
      score,
      "card_testing_repeated_declines",
      {
        entity,
        window,
        declines_including_this: declines.declined,
        attempts_including_this: declines.attempts,
        failure_ratio: ratio(declines.declined, declines.attempts),
        decline_code: transaction.declineCode,
      },
      `${declines.declined} of ${declines.attempts} attempts on this ${entity.replace("_", " ")} declined (${window}).`,
    );
  });
  return strongest(findings);
}

function strongest(findings: readonly (DetectorFinding | null)[]): DetectorFinding | null {
  let best: DetectorFinding | null = null;
  for (const finding of findings)
    if (finding && (best === null || finding.score > best.score)) best = finding;
  return best;
}

const WINDOWS_READ = ["10m", "hourly"] as const;

export const cardTestingDetector: Detector = {
  name: "card_testing",
  reads: [
    ...CARD_SOURCES.flatMap((entity) => WINDOWS_READ.map((window) => cardCountFeatureName(entity, window))),
    ...[...new Set<VelocityEntity>([...CARD_SOURCES, ...DECLINE_ENTITIES])].flatMap((entity) =>
      WINDOWS_READ.flatMap((window) => [
        velocityFeatureName("declined", entity, window),
        velocityFeatureName("total", entity, window),
      ]),
    ),
    ...TINY_AMOUNT_READS,
  ],
  detect(transaction, features) {
    const findings = [
      ...CARD_SOURCES.map((entity) => findEnumeration(transaction, features, entity)),
      ...DECLINE_ENTITIES.map((entity) => findRepeatedDeclines(transaction, features, entity)),
    ].filter((finding) => finding !== null);
    return (
      strongest(findings) ??
      noHit(
        "card_testing_not_seen",
        {},
        "No burst of distinct cards and no decline sequence from this payment's sources.",
      )
    );
  },
};

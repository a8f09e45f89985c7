import { amountAnomalyDetector } from "./amount-anomaly";
import { cardProfileDetector } from "./card-profile";
import { cardTestingDetector } from "./card-testing";
import type { Detector } from "./detector";
import { merchantCardTestingDetector } from "./merchant-card-testing";
import { priorFraudDetector } from "./prior-fraud";
import { radarPassthroughDetector } from "./radar-passthrough";
import { velocityDetector } from "./velocity";

/** Every detector `evaluate` runs, in trace order. Names are stable: stored traces refer to them. */
export const DETECTORS: readonly Detector[] = [
  velocityDetector,
  cardTestingDetector,
  merchantCardTestingDetector,
  amountAnomalyDetector,
  cardProfileDetector,
  radarPassthroughDetector,
  priorFraudDetector,
];

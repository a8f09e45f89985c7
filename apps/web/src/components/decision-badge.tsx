import type { Decision } from "@orylo/engine";
import type { Dictionary } from "@/i18n/en";

export function DecisionBadge({ decision, labels }: { decision: Decision; labels: Dictionary["decision"] }) {
  return <span className={`badge ${decision.toLowerCase()}`}>{labels[decision]}</span>;
}

import type { CustomerProfile } from "@orylo/core";

const WIDTH = 300;
const HEIGHT = 100;

/**
 * The trust score over time as a step line on a 0–100 scale, drawn as inline SVG (no chart library, no
 * remote asset), from the first sighting to now; the table under it says the same in words.
 */
export function TrustChart({ profile, now, label }: { profile: CustomerProfile; now: Date; label: string }) {
  const start = new Date(profile.firstSeenAt).getTime();
  const span = Math.max(1, now.getTime() - start);
  const first = profile.trustHistory[0];
  const initial = first ? first.score - first.delta : profile.trustScore;
  const x = (at: number) => ((at - start) / span) * WIDTH;
  const y = (score: number) => HEIGHT - (score / 100) * HEIGHT;
  let path = `M0 ${y(initial)}`;
  for (const change of profile.trustHistory) {
    const at = x(Math.max(start, new Date(change.at).getTime()));
    path += ` H${at} V${y(change.score)}`;
  }
  path += ` H${WIDTH}`;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <line x1="0" x2={WIDTH} y1={y(50)} y2={y(50)} stroke="var(--line)" strokeDasharray="4 4" />
      <path d={path} fill="none" stroke="var(--accent)" strokeWidth="2" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

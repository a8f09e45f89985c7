import type { DashboardStats } from "@orylo/core";
import type { Dictionary } from "@/i18n/en";

const ORDER = ["ALLOW", "REVIEW", "BLOCK"] as const;
const WIDTH = 300;
const HEIGHT = 100;

/** Stacked bars per day, drawn as inline SVG (no chart library, no remote asset); a table says the same. */
export function DecisionsChart({ days, t }: { days: DashboardStats["days"]; t: Dictionary }) {
  const max = Math.max(1, ...days.map((day) => ORDER.reduce((sum, key) => sum + day.byDecision[key], 0)));
  const slot = WIDTH / days.length;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t.home.chart}
      >
        {days.map((day, index) => {
          let y = HEIGHT;
          return (
            <g key={day.day}>
              {ORDER.map((key) => {
                const height = (day.byDecision[key] / max) * HEIGHT;
                y -= height;
                return height > 0 ? (
                  <rect
                    key={key}
                    x={index * slot + slot * 0.15}
                    y={y}
                    width={slot * 0.7}
                    height={height}
                    fill={`var(--chart-${key.toLowerCase()})`}
                  >
                    <title>{`${day.day} ${t.decision[key]}: ${day.byDecision[key]}`}</title>
                  </rect>
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted" style={{ fontSize: "0.8rem" }}>
        {t.home.chart} ·{" "}
        {ORDER.map((key) => (
          <span key={key} style={{ marginRight: "0.6rem" }}>
            <span aria-hidden="true" style={{ color: `var(--chart-${key.toLowerCase()})` }}>
              ■
            </span>{" "}
            {t.decision[key]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

import { formatNumber, plural } from "../format";
import { codeAt, numberAt, type SignalTemplate } from "./evidence";
import { ENTITY_PATTERN, entityPhrase, joinClauses, WINDOW_PATTERN, windowPhrase } from "./phrases";

const FEATURE = new RegExp(`^total_charges_per_${ENTITY_PATTERN}_${WINDOW_PATTERN}$`);

/** `velocity_high`: { feature, count, limit, limits_exceeded }. */
export const velocityTemplate: SignalTemplate = {
  label: () => ({ en: "payment velocity", fr: "fréquence des paiements" }),
  evidence({ evidence }, language) {
    const match = FEATURE.exec(codeAt(evidence, "feature") ?? "");
    const count = numberAt(evidence, "count");
    const limit = numberAt(evidence, "limit");
    const source = entityPhrase(match?.[1], language);
    const window = windowPhrase(match?.[2], language);
    if (count === null || limit === null || !source || !window) return null;
    const exceeded = numberAt(evidence, "limits_exceeded");
    const n = formatNumber(count, language);
    const max = formatNumber(limit, language);
    if (language === "fr")
      return joinClauses(
        [
          `${n} ${plural(count, language, "paiement antérieur", "paiements antérieurs")} ${source} ${window} (limite ${max})`,
          exceeded !== null &&
            exceeded > 1 &&
            `${formatNumber(exceeded, language)} limites de fréquence dépassées`,
        ],
        language,
      );
    return joinClauses(
      [
        `${n} earlier ${plural(count, language, "payment", "payments")} ${source} ${window} (limit ${max})`,
        exceeded !== null && exceeded > 1 && `${formatNumber(exceeded, language)} rate limits exceeded`,
      ],
      language,
    );
  },
};

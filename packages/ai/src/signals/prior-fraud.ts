import { formatNumber, plural } from "../format";
import { codeAt, numberAt, type SignalTemplate } from "./evidence";
import { entityPhrase, joinClauses } from "./phrases";

/** `prior_fraud_on_*`: { entity, disputes, early_fraud_warnings, fraudulent_refunds?, entities_with_prior_fraud }. */
export const priorFraudTemplate: SignalTemplate = {
  label: () => ({ en: "earlier fraud", fr: "fraude antérieure" }),
  evidence({ evidence }, language) {
    const source = entityPhrase(codeAt(evidence, "entity"), language);
    const disputes = numberAt(evidence, "disputes") ?? 0;
    const warnings = numberAt(evidence, "early_fraud_warnings") ?? 0;
    const refunds = numberAt(evidence, "fraudulent_refunds") ?? 0;
    if (!source || disputes + warnings + refunds === 0) return null;
    const others = (numberAt(evidence, "entities_with_prior_fraud") ?? 1) - 1;
    const count = (n: number, en: [string, string], fr: [string, string]) =>
      n > 0 &&
      `${formatNumber(n, language)} ${language === "fr" ? plural(n, language, ...fr) : plural(n, language, ...en)}`;
    const counts = [
      count(
        disputes,
        ["fraudulent dispute", "fraudulent disputes"],
        ["litige pour fraude", "litiges pour fraude"],
      ),
      count(
        warnings,
        ["early fraud warning", "early fraud warnings"],
        ["alerte précoce de fraude", "alertes précoces de fraude"],
      ),
      count(
        refunds,
        ["refund for fraud", "refunds for fraud"],
        ["remboursement pour fraude", "remboursements pour fraude"],
      ),
    ].filter((clause): clause is string => typeof clause === "string");
    const listed = counts.join(language === "fr" ? " et " : " and ");
    if (language === "fr")
      return joinClauses(
        [
          `${listed} sur des paiements antérieurs ${source}`,
          others > 0 && `${formatNumber(others, language)} autre(s) source(s) liée(s) à de la fraude`,
        ],
        language,
      );
    return joinClauses(
      [
        `${listed} on earlier payments ${source}`,
        others > 0 && `${formatNumber(others, language)} other source(s) linked to fraud`,
      ],
      language,
    );
  },
};

import { capitalize, formatList } from "../format";
import { codeAt, type Localized, type SignalTemplate } from "./evidence";

const CHECKS: { key: string; value: string; text: Localized }[] = [
  { key: "cvc_check", value: "fail", text: { en: "CVC check failed", fr: "contrôle du CVC échoué" } },
  {
    key: "address_postal_code_check",
    value: "fail",
    text: { en: "postal code check failed", fr: "contrôle du code postal échoué" },
  },
  {
    key: "address_line1_check",
    value: "fail",
    text: { en: "address check failed", fr: "contrôle de l'adresse échoué" },
  },
  { key: "card_funding", value: "prepaid", text: { en: "prepaid card", fr: "carte prépayée" } },
];

/** `card_cvc_check_failed`, `card_postal_check_failed`, ...: every failed check on the card, and prepaid. */
export const cardProfileTemplate: SignalTemplate = {
  label: () => ({ en: "card checks", fr: "contrôles de la carte" }),
  evidence({ evidence }, language) {
    const found = CHECKS.filter((check) => codeAt(evidence, check.key) === check.value);
    if (found.length === 0) return null;
    return capitalize(
      formatList(
        found.map((check) => check.text[language]),
        language,
      ),
    );
  },
};

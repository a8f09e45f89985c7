import { describe, expect, it } from "vitest";
import { pseudonymizeSentence } from "./pseudonymize-sentence";

describe("pseudonymizeSentence", () => {
  it.each([
    ["block fraud@shop.example now", "block value_1 now"],
    ["from 203.0.113.7 or 203.0.113.7", "from value_1 or value_1"],
    ["ip 2001:db8:0:0:0:0:2:1 please", "ip value_1 please"],
    ["card 4242 4242 4242 4242 is stolen", "card value_1 is stolen"],
    ["a@b.fr and 10.0.0.1", "value_1 and value_2"],
    ["over 300 euros after 22:00:00", "over 300 euros after 22:00:00"],
  ])("%s → %s", (sentence, sent) => {
    expect(pseudonymizeSentence(sentence).text).toBe(sent);
  });

  it("puts the merchant's values back where the model copied the tokens", () => {
    const { restore } = pseudonymizeSentence("allow vip@shop.example, block 198.51.100.4");
    expect(restore("Allow if :email: = 'value_1' or :ip_address: != 'value_2' and 'value_9'")).toBe(
      "Allow if :email: = 'vip@shop.example' or :ip_address: != '198.51.100.4' and 'value_9'",
    );
  });
});

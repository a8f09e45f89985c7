import { describe, expect, it } from "vitest";
import { invitationEmailText } from "./invitation-email-text";

const invitation = {
  organizationName: "Boutique Ana",
  inviterName: "Ana",
  role: "analyst",
  acceptUrl: "https://app.test/invitations/inv_1",
  expiresAt: new Date("2026-12-01T10:00:00Z"),
};

describe("invitationEmailText", () => {
  it("names the role as the dashboard does, in the organization's language", () => {
    expect(invitationEmailText("fr", invitation).text).toContain("(rôle : analyste)");
    expect(invitationEmailText("en", invitation).text).toContain("(role: analyst)");
    expect(invitationEmailText("fr", { ...invitation, role: null }).text).toContain("(rôle : lecteur)");
  });

  it("carries the link and the expiry", () => {
    const { subject, text } = invitationEmailText("fr", invitation);
    expect(subject).toBe("Ana vous invite à rejoindre Boutique Ana sur Orylo");
    expect(text).toContain("https://app.test/invitations/inv_1");
    expect(text).toContain("2026-12-01 10:00 UTC");
  });
});

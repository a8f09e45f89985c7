import { listDetectionsPage, roleAllows } from "@orylo/core";
import { pageContext } from "@/server/dashboard/page-context";
import { ReviewQueue } from "./review-queue";

// GET /review — REVIEW decisions nobody has labelled yet, oldest decisions last.
export default async function ReviewPage() {
  const { ctx, locale, t } = await pageContext();
  const queue = await listDetectionsPage(ctx, { decision: "REVIEW", label: "none", limit: 100 });
  return (
    <>
      <h1>{t.review.title}</h1>
      <ReviewQueue
        items={queue.data}
        canAct={roleAllows(ctx.role, "act")}
        locale={locale}
        timeZone={ctx.organization.timeZone}
        t={{ review: t.review, detail: t.detail, detections: t.detections, decision: t.decision }}
      />
    </>
  );
}

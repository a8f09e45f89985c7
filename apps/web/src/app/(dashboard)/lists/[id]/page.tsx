import { getListWithItems, OryloError, roleAllows } from "@orylo/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageContext } from "@/server/dashboard/page-context";
import { ListItemsEditor } from "./list-items-editor";

type Params = Promise<{ id: string }>;

// GET /lists/:id — a list's items; owners and admins add and remove them, with a confirmation and an undo.
export default async function ListPage({ params }: { params: Params }) {
  const { ctx, locale, t } = await pageContext();
  const { id } = await params;
  const { list, items } = await getListWithItems(ctx, id).catch((error: unknown) => {
    if (error instanceof OryloError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <p className="muted">
        <Link href="/lists">← {t.lists.title}</Link>
      </p>
      <h1>
        <code>@{list.name}</code>
      </h1>
      <p className="muted">
        {list.kind}
        {list.action ? ` · ${t.lists.actions[list.action]}` : ""} · {list.description ?? ""}
      </p>
      <ListItemsEditor
        listId={list.id}
        items={items}
        canEdit={roleAllows(ctx.role, "configure")}
        locale={locale}
        timeZone={ctx.organization.timeZone}
        t={t.lists}
      />
    </>
  );
}

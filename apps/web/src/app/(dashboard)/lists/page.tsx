import { listLists } from "@orylo/core";
import Link from "next/link";
import { pageContext } from "@/server/dashboard/page-context";

// GET /lists — the organization's lists (rules read them as @name) with their sizes; each opens its items.
export default async function ListsPage() {
  const { ctx, t } = await pageContext();
  const { data } = await listLists(ctx);
  return (
    <>
      <h1>{t.lists.title}</h1>
      {data.length === 0 ? (
        <p className="muted">{t.lists.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">@name</th>
                <th scope="col">{t.lists.kind}</th>
                <th scope="col" className="num">
                  {t.lists.items}
                </th>
                <th scope="col">{t.lists.description}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((list) => (
                <tr key={list.id}>
                  <td>
                    <Link href={`/lists/${list.id}`}>
                      <code>@{list.name}</code>
                    </Link>
                  </td>
                  <td>{list.kind}</td>
                  <td className="num">{list.itemCount}</td>
                  <td className="muted">{list.description ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import type { Asset } from '#core/asset';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useT } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';

/** An asset an agreement covers: a link for patent families (they have pages), the title for the others. */
export function AssetLink({ id }: { id: string }) {
  const t = useT();
  const asset = useResource(`/api/assets/${id}`, () => api.get<Asset>(`/api/assets/${id}`));
  if (!asset.data) return <span className="mono">{id}</span>;
  const label = `${asset.data.reference ? `${asset.data.reference} — ` : ''}${asset.data.title}`;
  if (asset.data.kind === 'patent_family') return <Link to={`/families/${id}`}>{label}</Link>;
  return (
    <span>
      {label} ({enumLabel(t, 'assetKind', asset.data.kind)})
    </span>
  );
}

import { useT } from '../i18n/i18n.tsx';
import { Loading, Notice } from '../ui/Notice.tsx';
import { errorText } from './error-text.ts';
import type { Resource } from './use-resource.ts';

/** What a page shows while its record loads, or when the API refused it. */
export function ResourceStatus<T>({ resource }: { resource: Resource<T> }) {
  const t = useT();
  if (resource.state === 'failed') {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('error.title')}</h1>
        <Notice tone="error">{errorText(t, resource.error)}</Notice>
      </section>
    );
  }
  return <Loading label={t('ui.loading')} />;
}

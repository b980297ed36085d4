import { useI18n } from '../i18n/i18n.tsx';
import { Button } from './Button.tsx';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}

export function Pagination({ total, limit, offset, onChange }: PaginationProps) {
  const { t, formatNumber } = useI18n();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('ui.pagination')}>
      <Button disabled={page <= 1} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('ui.previous')}
      </Button>
      <span>{t('ui.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
      <Button disabled={page >= pages} onClick={() => onChange(offset + limit)}>
        {t('ui.next')}
      </Button>
    </nav>
  );
}

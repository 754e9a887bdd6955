import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Previous / next links that keep the page's other search parameters. */
export function Pagination({
  page,
  pageCount,
  searchParams,
  label,
}: {
  page: number;
  pageCount: number;
  searchParams: URLSearchParams;
  label: string;
}) {
  const { t } = useTranslation('staff');
  if (pageCount <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(searchParams);
    params.set('page', String(target));
    return `?${params.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : null}
      <span>{t('pagination.position', { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link to={to(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}

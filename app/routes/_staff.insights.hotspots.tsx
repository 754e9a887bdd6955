import {
  json,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { HotspotList } from '~/hotspots/components/hotspot-list';
import { loadHotspots } from '~/hotspots/hotspots.server';
import { pageTitle } from '~/i18n';
import { raiseLink } from '~/insights/action-links';
import { PendingCycleNote } from '~/insights/components/group-notes';
import { InsightFilterBar } from '~/insights/components/insight-filters';
import { useInsightFormat } from '~/insights/components/use-insight-words';
import { filterSearch } from '~/insights/exports';
import hotspotStyles from '~/styles/hotspots.css';
import { driverName } from '~/utils/driver-name';
import { requireStaff } from '~/utils/permissions.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: hotspotStyles }];

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'hotspots:nav', 'insights:title') },
];

// Leaders and HR admins; the loader narrows to the cells of the user's departments.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadHotspots(user, new URL(request.url).searchParams));
}

export default function InsightsHotspots() {
  const { t } = useTranslation('hotspots');
  const format = useInsightFormat();
  const view = useLoaderData<typeof loader>();
  const { filters } = view;
  const search = filterSearch(filters);
  return (
    <>
      <h1 id="page-title">{t('nav')}</h1>
      <p className="muted">
        {view.latest
          ? t('introInCycle', {
              number: view.latest.number,
              day: format.day(view.latest.opensOn),
            })
          : t('intro')}
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} />
      <PendingCycleNote pending={view.pending} />
      <p className="chart-note">
        {view.previous
          ? t('howRanked', { number: view.previous.number, threshold: view.threshold })
          : t('howRankedFirst', { threshold: view.threshold })}
      </p>
      {!view.hasServiceDrivers ? (
        <p className="chart-empty">{t('noServiceDrivers')}</p>
      ) : view.hotspots.length === 0 ? (
        <p className="chart-empty">{t('none')}</p>
      ) : (
        <>
          <p>{t('showing', { count: view.count, shown: view.hotspots.length })}</p>
          <HotspotList
            hotspots={view.hotspots}
            linksOf={(hotspot) => ({
              trend: `/insights/matrix${search}&${new URLSearchParams({
                row: hotspot.customer.id,
                column: hotspot.provider.id,
              })}`,
              driverTrend: `/insights/drivers${search}&${new URLSearchParams({
                driver: hotspot.driver,
              })}`,
              raise: raiseLink(
                view.actions,
                {
                  metric: 'driver',
                  driver: hotspot.driver,
                  departmentId: hotspot.customer.id,
                  providerDepartmentId: hotspot.provider.id,
                },
                t('card.title', {
                  provider: hotspot.provider.name,
                  driver: driverName(t, hotspot.driver),
                  customer: hotspot.customer.name,
                }),
              ),
            })}
          />
        </>
      )}
    </>
  );
}

import type { Publication } from '#core/publication-corpus';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A publication's legal events (INPADOC, INPI's register) and EP Register procedural steps, each in a
 * table that opens on demand: a granted EP patent has dozens of them.
 */
export function PublicationEvents({ publication }: { publication: Publication }) {
  const { t, formatDate } = useI18n();
  const { legalEvents, proceduralSteps } = publication;
  if (legalEvents.length === 0 && proceduralSteps.length === 0) return null;
  return (
    <>
      {legalEvents.length > 0 && (
        <details>
          <summary>{t('publication.legalEventsCount', { count: legalEvents.length })}</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('publication.legalEvents')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publication.eventDate')}</th>
                  <th scope="col">{t('publication.eventCode')}</th>
                  <th scope="col">{t('publication.eventDescription')}</th>
                  <th scope="col">{t('publication.eventState')}</th>
                  <th scope="col">{t('publication.eventEffective')}</th>
                </tr>
              </thead>
              <tbody>
                {legalEvents.map((event, index) => (
                  <tr key={`${event.code}-${event.date ?? ''}-${event.country ?? ''}-${index}`}>
                    <td>{formatDate(event.date)}</td>
                    <td className="mono">{event.code}</td>
                    <td>
                      {event.description ?? ''}
                      {event.text && <div className="muted">{event.text}</div>}
                      {event.feeYear !== null && <div className="muted">{t('publication.feeYear', { year: event.feeYear })}</div>}
                    </td>
                    <td>{event.country ?? ''}</td>
                    <td>{formatDate(event.effectiveDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {proceduralSteps.length > 0 && (
        <details>
          <summary>{t('publication.stepsCount', { count: proceduralSteps.length })}</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('publication.steps')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publication.eventDate')}</th>
                  <th scope="col">{t('publication.eventCode')}</th>
                  <th scope="col">{t('publication.eventDescription')}</th>
                  <th scope="col">{t('publication.stepYear')}</th>
                </tr>
              </thead>
              <tbody>
                {proceduralSteps.map((step, index) => (
                  <tr key={`${step.code}-${step.date ?? ''}-${index}`}>
                    <td>{formatDate(step.date)}</td>
                    <td className="mono">{step.code}</td>
                    <td>
                      {step.description ?? ''}
                      {step.dates.length > 1 && (
                        <div className="muted">{step.dates.map((entry) => `${entry.type}: ${formatDate(entry.date)}`).join(' · ')}</div>
                      )}
                    </td>
                    <td className="numeric">{step.year ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

import { useId } from 'react';
import { useT } from '../../i18n/i18n.tsx';

/**
 * The `[verify]` mark next to an amount whose schedule was not confirmed in an official text, with its
 * source in a tooltip on hover. `focusable` makes it a tab stop that shows the tooltip on focus too,
 * for the few marks that stand alone (the totals); in long tables the sources are listed below.
 */
export function VerifyMark({ source, focusable = false }: { source: string; focusable?: boolean }) {
  const t = useT();
  const id = useId();
  if (!focusable) {
    return (
      <span className="verify" title={source}>
        [{t('forecast.verify')}]
      </span>
    );
  }
  return (
    <span className="verify verify-focusable" tabIndex={0} aria-describedby={id}>
      [{t('forecast.verify')}]
      <span role="tooltip" id={id} className="verify-tip">
        {source}
      </span>
    </span>
  );
}

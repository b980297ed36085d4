import { type FormEvent, useId, useState } from 'react';
import type { DigestLocale, DigestSettings } from '#core/docket/docket-task';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useT } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { docketApi } from './docket-api.ts';

/** The daily e-mail of one's deadlines: on or off, and its language (also the calendar feed's). */
export function DigestPanel({ settings }: { settings: DigestSettings }) {
  const t = useT();
  const id = useId();
  const [isEnabled, setIsEnabled] = useState(settings.isEnabled);
  const [locale, setLocale] = useState<DigestLocale>(settings.locale);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<ApiError | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    docketApi.saveDigest({ isEnabled, locale }).then(
      (saved) => {
        setIsEnabled(saved.isEnabled);
        setLocale(saved.locale);
        setFailure(null);
        setState('saved');
      },
      (error: unknown) => {
        setState('idle');
        setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error)));
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('digest.title')}</h2>
      <p>{t('digest.intro')}</p>
      <form onSubmit={save} noValidate>
        <CheckboxField path="digest-enabled" label={t('digest.enabled')} checked={isEnabled} onChange={(checked) => { setIsEnabled(checked); setState('idle'); }} />
        <SelectField
          path="digest-locale"
          label={t('digest.locale')}
          value={locale}
          options={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(value) => { setLocale(value === 'en' ? 'en' : 'fr'); setState('idle'); }}
        />
        <Button type="submit" variant="primary" disabled={state === 'saving'}>
          {t('form.save')}
        </Button>
        <p role="status" className="small">
          {state === 'saved' ? (isEnabled ? t('digest.savedOn') : t('digest.savedOff')) : ''}
        </p>
      </form>
      {failure && <Notice tone="error">{errorText(t, failure)}</Notice>}
    </section>
  );
}

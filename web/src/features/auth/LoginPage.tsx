import { useEffect, useState } from 'react';
import type { SessionInfo } from '#core/user';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useT } from '../../i18n/i18n.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useSession } from './SessionProvider.tsx';

export function LoginPage() {
  const t = useT();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  useEffect(() => {
    document.title = t('login.title');
  }, [t]);
  const [password, setPassword] = useState('');
  const { submit, isSubmitting, failure, errors } = useSubmit(
    () => api.post<SessionInfo>('/api/auth/login', { email, password }),
    signedIn,
  );

  return (
    <div className="login">
      <div className="login-tools">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <h1>{t('login.title')}</h1>
        <p className="login-intro">{t('login.intro')}</p>
        {failure && (
          <Notice tone="error">{failure.kind === 'unauthenticated' ? t('login.wrongCredentials') : t('login.failed')}</Notice>
        )}
        <form onSubmit={submit} noValidate>
          <TextField path="email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required error={errors.email} />
          <TextField
            path="password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
            error={errors.password}
          />
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {t('login.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}

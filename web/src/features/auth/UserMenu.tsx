import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { useSession, useUser } from './SessionProvider.tsx';

/** The signed-in user's name, opening onto their role and the sign-out button; Escape closes it. */
export function UserMenu() {
  const t = useT();
  const user = useUser();
  const { signOut } = useSession();
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [isOpen]);

  return (
    <div className="user-menu" ref={root}>
      <Button variant="quiet" aria-expanded={isOpen} aria-controls={id} onClick={() => setIsOpen(!isOpen)}>
        {user.displayName} <span aria-hidden="true">▾</span>
      </Button>
      <div id={id} className="user-menu-panel" hidden={!isOpen}>
        <p>
          <span className="muted">{user.email}</span>
          <br />
          {t(`role.${user.role}`)}
        </p>
        <Button variant="secondary" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Button>
      </div>
    </div>
  );
}

import type { ButtonHTMLAttributes } from 'react';
import { Link } from '../router/router.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

export function Button({ variant = 'secondary', className = '', type = 'button', ...rest }: ButtonProps) {
  return <button {...rest} type={type} className={`button button-${variant} ${className}`.trim()} />;
}

/** A link that looks like a button: it goes somewhere (a page), a Button does something. */
export function ButtonLink({ to, variant = 'secondary', children }: { to: string; variant?: ButtonVariant; children: string }) {
  return (
    <Link to={to} className={`button button-${variant}`}>
      {children}
    </Link>
  );
}

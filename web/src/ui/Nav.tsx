import { Link, useLocation } from '../router/router.tsx';

export interface NavItem {
  to: string;
  label: string;
}

/** The current section is the item whose path starts the address (`/inventions/42` is under Inventions). */
export function isCurrent(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function Nav({ label, items }: { label: string; items: readonly NavItem[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="main-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={isCurrent(item.to, pathname) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from '../router/router.tsx';

interface LayoutProps {
  appName: string;
  skipLabel: string;
  nav: ReactNode;
  tools: ReactNode;
  children: ReactNode;
}

/**
 * The page frame: a skip link, the banner with the tools (language, user), the navigation and the main
 * region. On a change of page the main region takes the focus, so screen readers start at the new content.
 */
export function Layout({ appName, skipLabel, nav, tools, children }: LayoutProps) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const previous = useRef(pathname);

  // The window title follows the page's heading, whenever the page renders it.
  useEffect(() => {
    const region = main.current;
    if (!region) return;
    const update = () => {
      const heading = region.querySelector('h1')?.textContent?.trim();
      document.title = heading ? `${heading} — ${appName}` : appName;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(region, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [appName]);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {skipLabel}
      </a>
      <header className="banner">
        <Link to="/" className="brand">
          {appName}
        </Link>
        <div className="tools">{tools}</div>
      </header>
      {nav}
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </div>
  );
}

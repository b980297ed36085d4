import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
}

interface ModalDialogProps {
  title: string;
  /** One sentence under the title, read with it when the dialog opens. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog, rendered while it is open: the native `<dialog>` shown modal (the page behind is inert),
 * Tab and Shift+Tab kept inside, Escape closes it, and the focus goes back to what opened it.
 */
export function ModalDialog({ title, description, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  // The latest onClose, read by the handlers without reopening the dialog when the owner re-renders.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    (focusables(dialog)[0] ?? dialog).focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      opener?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(ref.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // The browser's own Escape handling: closed through the owner, so its state follows.
        event.preventDefault();
        close.current();
      }}
      tabIndex={-1}
    >
      <div className="modal-head">
        <h2 id={`${id}-title`}>{title}</h2>
      </div>
      {description && (
        <div id={`${id}-desc`} className="modal-desc">
          {description}
        </div>
      )}
      {children}
    </dialog>
  );
}

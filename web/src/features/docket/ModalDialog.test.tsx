// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ModalDialog } from './ModalDialog.tsx';

afterEach(cleanup);

function Page() {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setIsOpen(true)}>
        Resolve
      </button>
      {isOpen && (
        <ModalDialog title="Resolve the deadline" onClose={() => setIsOpen(false)}>
          <input aria-label="Reason" />
          <button type="button">Save</button>
        </ModalDialog>
      )}
    </>
  );
}

describe('a modal dialog', () => {
  it('takes the focus, is named by its title, and gives the focus back when Escape closes it', () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Resolve' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Resolve the deadline');
    expect(document.activeElement).toBe(screen.getByLabelText('Reason'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab and Shift+Tab inside the dialog', () => {
    render(<Page />);
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    const save = screen.getByRole('button', { name: 'Save', hidden: true });
    const reason = screen.getByLabelText('Reason');
    save.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(reason);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });
});

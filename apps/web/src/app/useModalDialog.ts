import { type RefObject, useEffect, useRef } from 'react';

/**
 * Shows a <dialog> as a modal for as long as the component is mounted: the page behind is inert,
 * focus stays inside, Escape fires `cancel`. On the way out focus goes back to what had it before
 * (the button that opened the dialog), or, when that is gone (a Publish button after publishing),
 * to the `[data-focus-return]` element of the dialog still open beneath.
 */
export function useModalDialog(initialFocus?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per mount; the focus target is read then.
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      dialog?.close();
      // The dialog is out of the DOM by now, so the page beneath takes focus again.
      if (previous?.isConnected) previous.focus();
      else document.querySelector<HTMLElement>('dialog[open] [data-focus-return]')?.focus();
    };
  }, []);
  return ref;
}

/** Escape closes only the dialog it was pressed in; React would otherwise pass the `cancel` on to dialogs around it. */
export function ownCancel(handler: () => void) {
  return (event: React.SyntheticEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    handler();
  };
}

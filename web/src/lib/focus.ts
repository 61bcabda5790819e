/** Moves focus to the page's heading (or `main`), e.g. after navigation or removing a row. */
export function focusMainHeading(): void {
  const target =
    document.querySelector<HTMLElement>('main h1[tabindex="-1"]') ??
    document.getElementById('main');
  target?.focus({ preventScroll: false });
}

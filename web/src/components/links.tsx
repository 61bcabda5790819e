import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  ref?: Ref<HTMLAnchorElement>;
  'data-status'?: string;
};

/**
 * Content links. The router marks any link whose target is a prefix of the current path as active;
 * in running text that is noise, so the `aria-current` it adds is dropped here. Navigation lists
 * use `Link` with exact `activeOptions` instead.
 */
function UtrechtLink({
  className,
  'aria-current': _current,
  'data-status': _status,
  ...props
}: AnchorProps) {
  const classes = ['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ');
  return <a {...props} className={classes} />;
}

function UtrechtButtonLink({
  className,
  'aria-current': _current,
  'data-status': _status,
  ...props
}: AnchorProps) {
  const classes = [
    'utrecht-button-link',
    'utrecht-button-link--html-a',
    'utrecht-button-link--primary-action',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return <a {...props} className={classes} />;
}

export const TextLink = createLink(UtrechtLink);
export const ButtonLink = createLink(UtrechtButtonLink);

/** Exact matching for navigation lists, so only the page itself gets `aria-current="page"`. */
export const exactActive = { exact: true, includeSearch: false } as const;

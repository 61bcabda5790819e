import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'disabled'> & {
  variant?: 'primary' | 'secondary';
  danger?: boolean;
  /**
   * While a request runs the button is marked busy and disabled with `aria-disabled` rather than
   * the `disabled` attribute: a disabled element drops keyboard focus to <body>.
   */
  pending?: boolean;
  className?: string;
  ref?: Ref<HTMLButtonElement>;
};

export function Button({
  variant = 'primary',
  danger = false,
  pending = false,
  type = 'button',
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    'utrecht-button',
    `utrecht-button--${variant}-action`,
    danger ? 'utrecht-button--danger' : '',
    pending ? 'utrecht-button--busy utrecht-button--disabled' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    // Also blocks the implicit submit when Enter is pressed in a field of the form.
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={handleClick}
    >
      {children}
    </button>
  );
}

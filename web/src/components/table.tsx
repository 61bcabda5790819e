import { useId, type ReactNode } from 'react';

interface TableProps {
  caption: string;
  /** Hide the caption visually when a heading above already says what the table holds. */
  captionHidden?: boolean;
  children: ReactNode;
}

/**
 * Utrecht table in a container that scrolls sideways on narrow screens (WCAG 1.4.10). The
 * container is a named, focusable region, so keyboard users can scroll it in every browser.
 */
export function Table({ caption, captionHidden = false, children }: TableProps) {
  const captionId = useId();
  const captionClass = `utrecht-table__caption${captionHidden ? ' wd-visually-hidden' : ''}`;
  return (
    <div
      className="utrecht-table-container wd-table-container"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="utrecht-table utrecht-table--html-table">
        <caption id={captionId} className={captionClass}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** The header row of a table: one column header (`scope="col"`) per label. */
export function TableHead({ columns }: { columns: ReactNode[] }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        {columns.map((label, i) => (
          <th key={i} scope="col" className="utrecht-table__header-cell">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

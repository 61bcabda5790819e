import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from './types.ts';

/** What an item options say, in one short line (points, choices, bounds, limits). */
function useOptionsText() {
  const { t } = useTranslation();
  return (item: Item): string => {
    const o = item.options;
    switch (item.kind) {
      case 'likert':
        return o.anchorsNl
          ? t('research.builder.likertAnchors', {
              points: o.points ?? 5,
              low: o.anchorsNl[0],
              high: o.anchorsNl[1],
            })
          : t('research.builder.likert', { points: o.points ?? 5 });
      case 'single':
      case 'multiple':
        return (o.choices ?? []).map((c) => `${c.value} = ${c.labelNl}`).join('; ');
      case 'number':
        return t('research.builder.number', {
          min: o.min ?? '–',
          max: o.max ?? '–',
          integer: o.integer ? t('research.builder.integer') : '',
        });
      case 'text':
        return t('research.builder.text', { max: o.maxLength ?? 5000 });
      case 'network':
        return t('research.builder.network', { max: o.maxNames ?? 10 });
    }
  };
}

/** One item as the team sees it in the builder: code, kind, prompts and options. */
export function ItemSummary({ item, children }: { item: Item; children?: ReactNode }) {
  const { t } = useTranslation();
  const optionsText = useOptionsText();
  return (
    <article aria-labelledby={`item-${item.id}-title`}>
      <h3 className="utrecht-heading-3" id={`item-${item.id}-title`}>
        <code>{item.code}</code> – {item.promptNl}
      </h3>
      <dl className="utrecht-data-list utrecht-data-list--rows">
        {[
          [t('research.item.fields.kind'), t(`research.itemKind.${item.kind}`)],
          [
            t('research.item.fields.required'),
            item.required ? t('research.yes') : t('research.no'),
          ],
          [t('research.item.fields.promptEn'), item.promptEn ?? '–'],
          ...(item.helpNl ? [[t('research.item.fields.helpNl'), item.helpNl]] : []),
          [t('research.builder.options'), optionsText(item)],
        ].map(([key, value]) => (
          <div key={key} className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{key}</dt>
            <dd className="utrecht-data-list__item-value">{value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </article>
  );
}

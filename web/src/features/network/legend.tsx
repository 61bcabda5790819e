import { useTranslation } from 'react-i18next';
import { nodeClasses } from './labels.ts';

/** What the colours, sizes and lines of the graph mean. */
export function GraphLegend({ sizeLabel }: { sizeLabel: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="wd-network-legend">
      <h3 className="utrecht-heading-3">{t('network.legend.title')}</h3>
      <ul className="wd-network-legend__list">
        {nodeClasses.map((c) => (
          <li key={c} className="wd-network-legend__item">
            <span className={`wd-network-dot wd-network-dot--${c}`} aria-hidden="true" />
            {t(`network.nodeClass.${c}`)}
          </li>
        ))}
        <li className="wd-network-legend__item">
          <span className="wd-network-line" aria-hidden="true" />
          {t('network.legend.tie')}
        </li>
        <li className="wd-network-legend__item">
          <span className="wd-network-line wd-network-line--tension" aria-hidden="true" />
          {t('network.legend.tension')}
        </li>
        <li className="wd-network-legend__item">
          <span className="wd-network-line wd-network-line--obstruction" aria-hidden="true" />
          {t('network.legend.obstruction')}
        </li>
      </ul>
      <p className="utrecht-paragraph">
        {sizeLabel ? t('network.legend.size', { metric: sizeLabel }) : null}{' '}
        {t('network.legend.arrows')}
      </p>
    </div>
  );
}

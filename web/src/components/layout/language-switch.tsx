import { useTranslation } from 'react-i18next';
import type { Language, Me } from '../../api/types.ts';
import { useLanguageChoice } from '../../features/session/data.ts';
import { Button } from '../button.tsx';

/** One button naming the other language in that language ("English" / "Nederlands"). */
export function LanguageSwitch({ me }: { me: Me | null }) {
  const { t, i18n } = useTranslation();
  const choose = useLanguageChoice(me);
  const other: Language = i18n.resolvedLanguage === 'en' ? 'nl' : 'en';
  return (
    <Button variant="secondary" lang={other} onClick={() => choose(other)}>
      {t('language.switchTo')}
    </Button>
  );
}

// Right: every word comes from the catalog; symbols and class names are not words to translate.
declare const t: (id: string, values?: Record<string, number>) => string;
export function Worded({ busy, n }: { busy: boolean; n: number }) {
  return (
    <div title={t('some.title')} className="panel wide">
      {t('some.greeting')}
      {t('library.count', { count: n })}
      {busy ? t('settings.saving') : ''}
      <input placeholder={t('some.placeholder')} aria-label={t('some.label')} />
      <span aria-hidden="true">▶</span> {n}
    </div>
  );
}

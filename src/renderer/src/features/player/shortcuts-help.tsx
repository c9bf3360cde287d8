import { SHORTCUTS } from './keys';
import { useT } from '../../i18n/use-t';

/** What "?" shows: every shortcut, as a table a screen reader can walk. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title">
      <div className="shortcuts-head">
        <h3 id="shortcuts-title">{t('player.help.title')}</h3>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t('player.help.hide')}
        </button>
      </div>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <kbd key={i}>{k === 'space' ? t('player.key.space') : k}</kbd>
                ))}
              </th>
              <td>{t(s.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

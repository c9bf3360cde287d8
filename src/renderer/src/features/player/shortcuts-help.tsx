import { SHORTCUTS } from './keys';

/** What "?" shows: every shortcut, as a table a screen reader can walk. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title">
      <div className="shortcuts-head">
        <h3 id="shortcuts-title">Keyboard shortcuts</h3>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Hide shortcuts
        </button>
      </div>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <kbd key={i}>{k}</kbd>
                ))}
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { schemas, type Channel, type Handlers, type InvokeResult, CHANNELS } from '../shared/contract';
import { VidKeepError, toErrorInfo } from '../shared/errors';

const known = new Set<string>(CHANNELS);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && known.has(name);
}

/**
 * The one place both hosts hand a message to the core: unknown channel, wrong shape or a thrown
 * error all become a clear error reply, and nothing is stored on bad input.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<InvokeResult<unknown>> {
  if (!isChannel(channel)) {
    const name = String(channel).slice(0, 80);
    return { ok: false, error: { code: 'unknown-channel', message: `VidKeep does not know the request "${name}".`, values: { channel: name } } };
  }
  const parsed = schemas[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : null;
    const where = path ? ` (${path})` : '';
    // `field` and `detail` let the renderer word this from its catalog; the message is the English fallback.
    const field = path ?? (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : null);
    const detail = `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`;
    const values = field ? { reason: 'request', field, detail } : { reason: 'request', detail };
    return { ok: false, error: new VidKeepError('invalid-input', `That request was not understood${where}: ${issue?.message ?? 'invalid input'}.`, undefined, values).toJSON() };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'internal') console.error(`[vidkeep] ${channel} failed`, err);
    return { ok: false, error: info };
  }
}

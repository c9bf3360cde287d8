/**
 * The subscription form as the user types it (strings), and its conversion to a request. Nothing
 * here touches React, so the rules are unit-tested on their own.
 */
import type { Req } from '../../../../shared/contract';
import type { UiMessage } from '../../i18n/error-text';
import type { MessageId, Values } from '../../i18n/t';
import type { AudioFormat, DownloadOptions, InitialFetch, Quality, Subscription, SubscriptionFilters, SubscriptionRetention } from '../../../../shared/types';
import { CUSTOM, DEFAULT_CRON, presetFor } from './schedule';

/** What both the add form and the edit form hold: when to check, what to take, what to keep. */
export interface RuleFields {
  /** A preset's cron, or CUSTOM. */
  schedule: string;
  customCron: string;
  titleIncludes: string;
  titleExcludes: string;
  minMinutes: string;
  maxMinutes: string;
  after: string;
  keepLast: string;
  keepDays: string;
  /** '' follows the quality in Settings. */
  quality: Quality | '';
  audioOnly: boolean;
  audioFormat: AudioFormat;
  subtitles: boolean;
}

export interface AddFields extends RuleFields {
  url: string;
  initial: InitialFetch;
  initialCount: string;
}

export const EMPTY_RULES: RuleFields = {
  schedule: DEFAULT_CRON,
  customCron: '',
  titleIncludes: '',
  titleExcludes: '',
  minMinutes: '',
  maxMinutes: '',
  after: '',
  keepLast: '',
  keepDays: '',
  quality: '',
  audioOnly: false,
  audioFormat: 'm4a',
  subtitles: false,
};

export const EMPTY_ADD: AddFields = { ...EMPTY_RULES, url: '', initial: 'new', initialCount: '10' };

/** The edit form for an existing subscription. */
export function rulesFrom(s: Subscription): RuleFields {
  const schedule = presetFor(s.cron);
  const minutes = (sec: number | undefined) => (sec === undefined ? '' : String(Math.round((sec / 60) * 100) / 100));
  return {
    schedule,
    customCron: schedule === CUSTOM ? s.cron : '',
    titleIncludes: s.filters.titleIncludes ?? '',
    titleExcludes: s.filters.titleExcludes ?? '',
    minMinutes: minutes(s.filters.minDurationSec),
    maxMinutes: minutes(s.filters.maxDurationSec),
    after: s.filters.after ?? '',
    keepLast: s.retention.keepLast === undefined ? '' : String(s.retention.keepLast),
    keepDays: s.retention.keepDays === undefined ? '' : String(s.retention.keepDays),
    quality: s.options.quality ?? '',
    audioOnly: s.options.audioOnly ?? false,
    audioFormat: s.options.audioFormat ?? 'm4a',
    subtitles: s.options.subtitles ?? false,
  };
}

/** A field the user must fix; `field` is the id of the input it belongs to. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly id: MessageId,
    readonly values?: Values,
  ) {
    super(id);
  }
  info(): UiMessage {
    return this.values ? { id: this.id, values: this.values } : { id: this.id };
  }
}

function wholeNumber(text: string, field: string, what: 'keepLast' | 'keepDays' | 'count', min: number, max: number): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isInteger(n) || n < min || n > max) throw new FieldError(field, 'subs.field.whole', { what, min, max });
  return n;
}

function minutesToSec(text: string, field: string, what: 'min' | 'max'): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0 || n > 100 * 60) throw new FieldError(field, 'subs.field.minutes', { what, max: 6000 });
  return Math.round(n * 60);
}

interface Rules {
  cron: string;
  filters: SubscriptionFilters;
  retention: SubscriptionRetention;
  options: Partial<DownloadOptions>;
}

/** Throws FieldError for anything the core would refuse anyway, so the message points at a field. */
export function toRules(f: RuleFields, prefix: string): Rules {
  const cron = f.schedule === CUSTOM ? f.customCron.trim().replace(/\s+/g, ' ') : f.schedule;
  if (f.schedule === CUSTOM && cron.split(' ').length !== 5) {
    throw new FieldError(`${prefix}-cron`, 'subs.field.cronParts');
  }
  const filters: SubscriptionFilters = {};
  if (f.titleIncludes.trim()) filters.titleIncludes = f.titleIncludes.trim();
  if (f.titleExcludes.trim()) filters.titleExcludes = f.titleExcludes.trim();
  const min = minutesToSec(f.minMinutes, `${prefix}-min`, 'min');
  const max = minutesToSec(f.maxMinutes, `${prefix}-max`, 'max');
  if (min !== undefined && min > 0) filters.minDurationSec = min;
  if (max !== undefined) {
    if (max < 1) throw new FieldError(`${prefix}-max`, 'subs.field.maxPositive');
    if (min !== undefined && min > max) throw new FieldError(`${prefix}-max`, 'subs.field.maxBelowMin');
    filters.maxDurationSec = max;
  }
  if (f.after.trim()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.after.trim())) throw new FieldError(`${prefix}-after`, 'subs.field.date');
    filters.after = f.after.trim();
  }
  const retention: SubscriptionRetention = {};
  const keepLast = wholeNumber(f.keepLast, `${prefix}-keep-last`, 'keepLast', 1, 100_000);
  const keepDays = wholeNumber(f.keepDays, `${prefix}-keep-days`, 'keepDays', 1, 36_500);
  if (keepLast !== undefined) retention.keepLast = keepLast;
  if (keepDays !== undefined) retention.keepDays = keepDays;
  const options: Partial<DownloadOptions> = { audioOnly: f.audioOnly, subtitles: f.subtitles };
  if (f.quality && !f.audioOnly) options.quality = f.quality;
  if (f.audioOnly) options.audioFormat = f.audioFormat;
  return { cron, filters, retention, options };
}

export function toAddRequest(f: AddFields): Req<'subscriptions.add'> {
  const rules = toRules(f, 'sub');
  const req: Req<'subscriptions.add'> = { url: f.url.trim(), ...rules, initial: f.initial };
  if (f.initial === 'last') req.initialCount = wholeNumber(f.initialCount, 'sub-count', 'count', 1, 10_000) ?? 10;
  return req;
}

/** Filters and retention are sent whole, so clearing a field clears the rule. */
export function toUpdateRequest(id: string, f: RuleFields): Req<'subscriptions.update'> {
  return { id, ...toRules(f, `edit-${id}`) };
}

/** How many filters and keep rules are set, for the collapsed sections' summaries. */
export function countSet(values: string[]): number {
  return values.filter((v) => v.trim() !== '').length;
}

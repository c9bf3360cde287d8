interface Props {
  /** 0..100, or null while the step has no measurable progress (merging, probing). */
  value: number | null;
  label: string;
  done?: boolean;
}

export function ProgressBar({ value, label, done }: Props) {
  const v = value === null ? null : Math.max(0, Math.min(100, value));
  return (
    <div
      className={`progress ${v === null ? 'indeterminate' : ''} ${done ? 'done' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v === null ? undefined : Math.floor(v)}
    >
      <div className="progress-fill" style={v === null ? undefined : { width: `${v}%` }} />
    </div>
  );
}

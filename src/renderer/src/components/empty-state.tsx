import type { ReactNode } from 'react';

export function EmptyState({ title, children, headingLevel = 3 }: { title: string; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty">
      <div className="empty-icon" aria-hidden="true">
        ▶
      </div>
      <H>{title}</H>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

import { useEffect, useState, type RefObject } from 'react';
import { extractUrls } from '../../lib/format';

const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement);

/**
 * Ctrl/Cmd+V anywhere (unless another field has focus) and links dropped on the window both land
 * in the paste field. Returns whether something is being dragged over the window.
 */
export function useWindowPaste(field: RefObject<HTMLTextAreaElement | null>, append: (text: string) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (e.target === field.current || isEditable(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      append(text);
      field.current?.focus();
    };
    const carriesText = (e: DragEvent) => {
      const types = e.dataTransfer?.types ?? [];
      return types.includes('text/uri-list') || types.includes('text/plain');
    };
    const onOver = (e: DragEvent) => {
      if (!carriesText(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      setDragging(false);
      if (!carriesText(e) || e.target === field.current) return;
      e.preventDefault();
      const dt = e.dataTransfer;
      const raw = dt?.getData('text/uri-list') || dt?.getData('text/plain') || '';
      const urls = extractUrls(raw);
      if (urls.length) {
        append(urls.join('\n'));
        field.current?.focus();
      }
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [field, append]);
  return dragging;
}

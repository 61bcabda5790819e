import { trimSpan, type Span } from './offsets.ts';

/**
 * The current text selection as a span of the text rendered in `container`, or null when nothing
 * inside it is selected. The container holds the text and nothing else (highlights are elements
 * around parts of it), so the length of the text from its start to a boundary is that boundary's
 * offset in UTF-16 code units.
 */
export function selectionSpan(container: HTMLElement, text: string): Span | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const offsetOf = (node: Node, offset: number) => {
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  };
  return trimSpan(text, {
    start: offsetOf(range.startContainer, range.startOffset),
    end: offsetOf(range.endContainer, range.endOffset),
  });
}

import { useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

/**
 * Drag-to-reorder with pointer events (mouse, pen, touch). Pointer events rather
 * than HTML5 drag-and-drop: they behave the same in Chrome and Firefox and under
 * automation. The row under the pointer at release is the target.
 */
export function usePointerReorder(
  list: RefObject<HTMLElement | null>,
  items: readonly { id: string }[],
  onDrop: (from: number, to: number) => void,
) {
  const [draggingId, setDraggingId] = useState<string | null>(null);

  /** Where the pointer would insert the item, 0…rows (before the first row … after the last). */
  function insertionPoint(clientY: number): number {
    const rows = Array.from(list.current?.children ?? []);
    for (let i = 0; i < rows.length; i++) {
      const box = (rows[i] as HTMLElement).getBoundingClientRect();
      if (clientY < box.top + box.height / 2) return i;
    }
    return rows.length;
  }

  function start(event: ReactPointerEvent<HTMLElement>, from: number) {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    setDraggingId(items[from]?.id ?? null);
    const end = (up: PointerEvent) => {
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      setDraggingId(null);
      if (up.type === 'pointerup') {
        // Moving an item down takes it out from above the insertion point first.
        const point = insertionPoint(up.clientY);
        onDrop(from, point > from ? point - 1 : point);
      }
    };
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }

  return { draggingId, start };
}

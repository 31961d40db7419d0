/**
 * What jsdom lacks and the window uses: ResizeObserver (bind:clientHeight) and
 * scrollIntoView. Sizes stay zero, which is what the tests expect.
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
// jsdom has no editing commands; the window uses them to hand menu keys back to fields.
document.execCommand ??= function execCommand() {
  return false;
};

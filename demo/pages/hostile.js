// A host that patches fetch (as analytics tools do) and counts its own errors.
window.hostErrors = [];
window.addEventListener('error', (event) => window.hostErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.hostErrors.push(String(event.reason)));
const originalFetch = window.fetch;
window.fetchCalls = 0;
window.fetch = function patchedFetch(input, init) {
  window.fetchCalls++;
  return originalFetch.call(window, input, init);
};
Array.prototype.last = function () { return this[this.length - 1]; };

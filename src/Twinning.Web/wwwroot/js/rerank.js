// Re-ranks suggestions as soon as a filter changes: fetches the same page with the form's choices and
// swaps the results in place (announced through the results' status line). Without JavaScript the form's
// button does the same with a page load.
(() => {
  for (const form of document.querySelectorAll('form[data-rerank]')) {
    const target = document.getElementById(form.dataset.rerank);
    if (!target) continue;
    let pending;
    form.addEventListener('change', () => {
      pending?.abort();
      pending = new AbortController();
      const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
      fetch(url, { signal: pending.signal, headers: { Accept: 'text/html' } })
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => {
          const page = new DOMParser().parseFromString(html, 'text/html');
          const fresh = page.getElementById(form.dataset.rerank);
          if (!fresh) return;
          target.replaceChildren(...fresh.childNodes);
          // The status line stays in place so that screen readers announce its new text.
          const status = document.getElementById(`${form.dataset.rerank}-status`);
          const freshStatus = page.getElementById(`${form.dataset.rerank}-status`);
          if (status && freshStatus) status.textContent = freshStatus.textContent;
          history.replaceState(null, '', url);
        })
        .catch(() => {});
    });
  }
})();

/**
 * A product page whose content fills the screen below `element`, with `embed.js` arriving only after the first
 * paint, as on a slow network: whatever the widget's iframe does to the page's layout is then a layout shift.
 * The end-to-end tests and the bench measure the earn preview's snippet on it.
 */
export function pageAfterPaint(appOrigin: string, element: string): string {
  const details = Array.from({ length: 40 }, (_, i) => `<p>Product details, line ${i + 1}.</p>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A product</title></head>
<body style="font-family: system-ui; margin: 24px">
<h1>A product</h1>${element}${details}
<script>
  requestAnimationFrame(() => setTimeout(() => {
    const loader = document.createElement('script');
    loader.src = ${JSON.stringify(`${appOrigin}/embed.js`)};
    document.body.append(loader);
  }, 100));
</script>
</body></html>`;
}

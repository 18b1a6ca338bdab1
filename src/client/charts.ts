/**
 * Draws the charts on a page when they come into view. Until then, and when
 * this never runs, each figure shows its table, or links to the table of the
 * letter that has the same figures.
 */
const figures = [...document.querySelectorAll<HTMLElement>('figure[data-grafiek]')];

async function draw(figure: HTMLElement) {
  const { drawChart } = await import('./chart-draw');
  drawChart(figure);
}

if (figures.length > 0) {
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          void draw(entry.target as HTMLElement);
        }
      },
      { rootMargin: '200px' },
    );
    figures.forEach((figure) => observer.observe(figure));
  } else {
    figures.forEach((figure) => void draw(figure));
  }
}

// Decap CMS in the editing screen: the configuration comes from the server (generated from src/schemas/), and every save is reported to the panel beside it, which has the file checked.
const response = await fetch('/beheer/config.json');
const config = await response.json();
window.DecapCmsApp.registerEventListener({
  name: 'postSave',
  handler: ({ entry }) => {
    window.parent.postMessage({ soort: 'opgeslagen', path: entry.get('path') || null, collection: entry.get('collection') || null, slug: entry.get('slug') || null }, window.location.origin);
  },
});
// No accounts: the server answers only this computer, so the screen opens without Decap's login step.
window.localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy' }));
window.DecapCmsApp.init({ config });

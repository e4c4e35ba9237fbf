// The SaaS team's integration: the queue stub (callable before the tag loads), who the user is,
// and the event that should trigger the survey.
window.onepoint = window.onepoint || function () { (window.onepoint.q = window.onepoint.q || []).push(arguments); };
// ?user=… signs in as someone else, to try the survey again as a new user.
const userId = new URLSearchParams(location.search).get('user') || 'u-42';
onepoint('identify', { userId, email: 'ada@example.com', name: 'Ada Lovelace', createdAt: '2025-01-10T09:00:00Z', traits: { plan: 'team' } });
for (const name of ['shown', 'scored', 'submitted', 'dismissed', 'closed', 'error']) {
  onepoint('on', name, (event) => {
    const log = document.getElementById('log');
    if (log) log.textContent += `${name} ${JSON.stringify(event)}\n`;
  });
}
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('export').addEventListener('click', () => onepoint('track', 'export_report'));
  document.getElementById('logout').addEventListener('click', () => {
    onepoint('reset');
    document.getElementById('who').textContent = 'Signed out.';
  });
});

// The shop's integration for signed-in customers: the queue stub, then who the customer is.
window.onepoint = window.onepoint || function () { (window.onepoint.q = window.onepoint.q || []).push(arguments); };
const userId = new URLSearchParams(location.search).get('user') || 'u-returning';
onepoint('identify', { userId, email: `${userId}@example.com` });

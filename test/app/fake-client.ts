import type { AdminClient } from '../../sdk/index.ts';
import type { HistoryPort } from '../../app/models/router.ts';

const unfaked = (name: string) => () => Promise.reject(new Error(`${name} is not faked in this test`));

/** An admin client whose every method rejects unless the test gives it an answer. */
export function fakeClient(overrides: Partial<AdminClient> = {}): AdminClient {
  return {
    endpoint: 'http://c.example',
    list: unfaked('list'),
    async *iterate() {},
    get: unfaked('get'),
    stats: unfaked('stats'),
    statsSummary: unfaked('statsSummary'),
    csv: unfaked('csv'),
    updateFollowUp: unfaked('updateFollowUp'),
    jobs: unfaked('jobs'),
    retryJob: unfaked('retryJob'),
    reply: unfaked('reply'),
    outbox: unfaked('outbox'),
    mailPreferences: unfaked('mailPreferences'),
    setMailPreferences: unfaked('setMailPreferences'),
    alertRecipients: unfaked('alertRecipients'),
    setAlertRecipients: unfaked('setAlertRecipients'),
    me: unfaked('me'),
    switchTeam: unfaked('switchTeam'),
    team: unfaked('team'),
    updateTeam: unfaked('updateTeam'),
    members: unfaked('members'),
    updateMember: unfaked('updateMember'),
    removeMember: unfaked('removeMember'),
    resetLink: unfaked('resetLink'),
    invitations: unfaked('invitations'),
    invite: unfaked('invite'),
    revokeInvitation: unfaked('revokeInvitation'),
    lookupInvitation: unfaked('lookupInvitation'),
    acceptInvitation: unfaked('acceptInvitation'),
    tokens: unfaked('tokens'),
    createToken: unfaked('createToken'),
    revokeToken: unfaked('revokeToken'),
    audit: unfaked('audit'),
    sites: unfaked('sites'),
    createSite: unfaked('createSite'),
    updateSite: unfaked('updateSite'),
    signIn: unfaked('signIn'),
    signOut: unfaked('signOut'),
    signOutEverywhere: unfaked('signOutEverywhere'),
    changePassword: unfaked('changePassword'),
    requestPasswordReset: unfaked('requestPasswordReset'),
    resetPassword: unfaked('resetPassword'),
    changes: unfaked('changes'),
    change: unfaked('change'),
    createChange: unfaked('createChange'),
    linkResponses: unfaked('linkResponses'),
    publishChange: unfaked('publishChange'),
    erasePerson: unfaked('erasePerson'),
    retention: unfaked('retention'),
    setRetention: unfaked('setRetention'),
    count: unfaked('count'),
    views: unfaked('views'),
    createView: unfaked('createView'),
    renameView: unfaked('renameView'),
    deleteView: unfaked('deleteView'),
    playbooks: unfaked('playbooks'),
    setPlaybook: unfaked('setPlaybook'),
    webhooks: unfaked('webhooks'),
    createWebhook: unfaked('createWebhook'),
    updateWebhook: unfaked('updateWebhook'),
    deleteWebhook: unfaked('deleteWebhook'),
    rotateWebhookSecret: unfaked('rotateWebhookSecret'),
    webhookDeliveries: unfaked('webhookDeliveries'),
    replayDelivery: unfaked('replayDelivery'),
    testWebhook: unfaked('testWebhook'),
    ...overrides,
  };
}

/** The History API in memory: entries, back, and whether the router still listens. */
export function fakeHistory(start: string) {
  const entries = [start];
  let index = 0;
  let listener: (() => void) | undefined;
  const port: HistoryPort = {
    location: () => {
      const url = new URL(entries[index] ?? '/', 'http://c.example');
      return { pathname: url.pathname, search: url.search };
    },
    push(url) {
      entries.splice(index + 1, Infinity, url);
      index += 1;
    },
    replace(url) {
      entries[index] = url;
    },
    onPop(next) {
      listener = next;
      return () => (listener = undefined);
    },
  };
  const back = () => {
    index -= 1;
    listener?.();
  };
  return { port, entries, back, current: () => entries[index], listening: () => listener !== undefined };
}

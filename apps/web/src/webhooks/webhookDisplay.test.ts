import { describe, expect, it } from 'vitest';
import type { Webhook } from '../api/webhooks';
import { lastAnswer, mergeWebhookLists, webhookState, webhookStateLabels, webhookUrlProblem } from './webhookDisplay';

describe('webhookUrlProblem', () => {
  it('accepts http and https URLs', () => {
    expect(webhookUrlProblem('https://crm.example.com/hooks/fullcourt')).toBeNull();
    expect(webhookUrlProblem(' http://127.0.0.1:8080/hook ')).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(webhookUrlProblem('')).toBe('Give the URL that should receive the events.');
    expect(webhookUrlProblem('crm.example.com/hook')).toMatch(/^Give a full URL/);
    expect(webhookUrlProblem('ftp://example.com/hook')).toBe('Only http and https URLs can receive webhooks.');
    expect(webhookUrlProblem('javascript:alert(1)')).toBe('Only http and https URLs can receive webhooks.');
  });
});

describe('lastAnswer', () => {
  it('gives the status code, with the error only when it adds something', () => {
    expect(lastAnswer({ attempts: 1, lastStatusCode: 200, lastError: null })).toBe('HTTP 200');
    expect(lastAnswer({ attempts: 2, lastStatusCode: 500, lastError: 'The endpoint answered 500' })).toBe('HTTP 500');
    expect(lastAnswer({ attempts: 1, lastStatusCode: 302, lastError: 'Redirects are not followed' })).toBe(
      'HTTP 302 — Redirects are not followed',
    );
  });

  it('gives the network error when the endpoint never answered, and says when nothing was tried', () => {
    expect(lastAnswer({ attempts: 3, lastStatusCode: null, lastError: 'Could not reach the endpoint: fetch failed' })).toBe(
      'Could not reach the endpoint: fetch failed',
    );
    expect(lastAnswer({ attempts: 0, lastStatusCode: null, lastError: null })).toBe('Not tried yet');
  });
});

describe('webhookState', () => {
  it('tells a webhook the server turned off from one a person paused, and offers to turn it back on', () => {
    expect(webhookState({ active: true, disabledAt: null })).toBe('active');
    expect(webhookState({ active: false, disabledAt: null })).toBe('paused');
    expect(webhookState({ active: false, disabledAt: '2026-01-01T00:00:00.000Z' })).toBe('turned-off');
    expect(webhookStateLabels['turned-off']).toEqual({ badge: 'Turned off', action: 'Turn back on' });
    expect(webhookStateLabels.paused.action).toBe('Resume');
  });
});

describe('mergeWebhookLists', () => {
  const hook = (id: string, active = true): Webhook => ({
    id,
    url: `https://crm.example.com/${id}`,
    events: ['version.published'],
    active,
    createdAt: '2026-01-01T00:00:00.000Z',
    consecutiveFailures: 0,
    disabledAt: active ? null : '2026-01-02T00:00:00.000Z',
    disabledReason: active ? null : 'Turned off after 10 failed deliveries in a row',
  });

  it('takes the server state of each webhook shown, adds new ones, and keeps one deleted elsewhere until it is acted on', () => {
    const merged = mergeWebhookLists([hook('a'), hook('b')], [hook('b', false), hook('c')]);
    expect(merged.map((w) => [w.id, webhookState(w)])).toEqual([
      ['a', 'active'],
      ['b', 'turned-off'],
      ['c', 'active'],
    ]);
    expect(mergeWebhookLists(null, [hook('a')]).map((w) => w.id)).toEqual(['a']);
  });
});

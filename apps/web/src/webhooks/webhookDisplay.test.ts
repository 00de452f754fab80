import { describe, expect, it } from 'vitest';
import { lastAnswer, webhookUrlProblem } from './webhookDisplay';

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

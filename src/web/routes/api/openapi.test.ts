import { describe, expect, it } from 'vitest';
import { makeConsultation, makeHub, makePractice, makeStatement, makeUser } from '../../../../test/factories.js';
import { droughtInput } from '../../../../test/alert-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { createAlert, decideAlert } from '../../../domain/alerts/alerts.service.js';
import { makeProcess } from '../../../../test/process-factories.js';
import { apiRoutes } from './index.js';

const t = useTestContext();

type Doc = { openapi: string; paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };

async function document(): Promise<Doc> {
  const res = await t.app.request('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  return JSON.parse(await res.text()) as Doc;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

function* refsIn(node: unknown): Generator<string> {
  if (Array.isArray(node)) for (const x of node) yield* refsIn(x);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') yield v;
      else yield* refsIn(v);
    }
  }
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document whose references all resolve', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toHaveProperty('bearer', expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    const refs = [...refsIn(doc)];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('describes request bodies from the domain schemas', async () => {
    const { components } = await document();
    const input = components.schemas!.PracticeInput as { properties: Record<string, { items?: { enum?: string[] } }>; required: string[] };
    expect(input.required).toEqual(expect.arrayContaining(['originalLanguage', 'text', 'themes']));
    expect(input.properties.technologies!.items!.enum).toContain('radio');
    expect(components.schemas).toHaveProperty('PracticeUpdate.properties.expectedVersion');
  });

  it('documents only routed paths: none of them answers "no such route"', async () => {
    const unrouted = await t.app.request('/api/v1/practices/x/nothing', { method: 'PUT' });
    expect(unrouted.status).toBe(404);
    const hub = await makeHub(t.ctx);
    const practice = await makePractice(t.ctx);
    const consultation = await makeConsultation(t.ctx);
    const statement = await makeStatement(t.ctx, consultation.id);
    // An approved alert: reads of a pending one are 404 to an anonymous caller.
    const alert = await createAlert(t.ctx, (await makeUser(t.ctx, 'coordinator')).actor, droughtInput());
    await decideAlert(t.ctx, (await makeUser(t.ctx, 'admin')).actor, alert.id, { decision: 'approve' });
    const { process } = await makeProcess(t.ctx);
    const ids: Record<string, string> = {
      '/hubs/': hub.id, '/practices/': practice.id, '/exchanges/': hub.id, // exchanges stop at 401 first
      '/consultations/': consultation.id, '/statements/': statement.id, '/alerts/': alert.id, '/processes/': process.id,
    };
    const doc = await document();
    const checked: string[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      const prefix = Object.keys(ids).find((p) => template.startsWith(p));
      const path = template.replace('{id}', prefix ? ids[prefix]! : '').replace('{lang}', 'en');
      for (const method of METHODS.filter((m) => m in item)) {
        const res = await t.app.request(`/api/v1${path}`, { method: method.toUpperCase() });
        // Writes without a token stop at 401, reads of real ids succeed: a 404 here can only mean "not routed".
        expect(res.status, `${method} ${template}`).not.toBe(404);
        checked.push(`${method} ${template}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(17);
  });

  it('documents every route of the API', async () => {
    const doc = await document();
    const routed = apiRoutes()
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => METHODS.filter((m) => m in item).map((m) => `${m} ${p}`));
    expect(new Set(routed)).toEqual(new Set(documented));
  });
});

import { describe, expect, it } from 'vitest';
import { hubData, makeHub } from '../../../test/factories.js';
import { useTestContext } from '../../../test/context.js';
import { listHubs } from './hubs.service.js';

const t = useTestContext();

const hubNamed = (name: string, description: string, over: Record<string, unknown> = {}) =>
  makeHub(t.ctx, { ...over, text: { ...hubData().text, name, description } });
const found = async (q: string) => (await listHubs(t.ctx, null, { q })).items.map((h) => h.id);

describe('listHubs: looking for hubs by words', () => {
  it('matches words of the description, in any order, accents folded, the best match first', async () => {
    const radio = await hubNamed('Radio Gaskiya', 'Radio rurale pour les éleveurs et les agriculteurs du Sahel');
    const school = await hubNamed('École de Kollo', 'Une école avec une salle informatique pour les éleveurs');
    await hubNamed('Télécentre de Dosso', 'Accès internet et formation');
    expect(await found('eleveurs radio')).toEqual([radio.id, school.id]);
    expect(await found('informatique')).toEqual([school.id]);
    expect(await found('nothing-like-this')).toEqual([]);
  });

  it('still finds part of a name, and ignores punctuation-only or SQL-looking input', async () => {
    const hub = await hubNamed('Centre Multimédia de Tillabéri', 'Un centre.');
    expect(await found('tillab')).toEqual([hub.id]);
    expect(await found("'; drop table hubs; --")).toEqual([]);
    expect(await found('!!!')).toEqual([]);
  });
});

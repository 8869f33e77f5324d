import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canRecordStory } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { getProcess } from '../process/process.service.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { storyInputSchema, type Story } from './accountability.js';
import { listPlanItems, signedIn } from './accountability.service.js';
import * as repo from './accountability.repo.js';
import { audioTypeOf, MAX_AUDIO_BYTES } from './audio.js';

type Deps = { db: Db; clock: Clock };

const invalid = (field: string, key: string) => new DomainError('invalid', 'error.invalid', { [field]: key });

/**
 * Records a hub's story in a process: a short text in one language, linked to items of the process's action
 * plan and to published practices, with an optional audio recording (≤ 1 MB, Ogg, MP3 or WAV as its first
 * bytes show — the name and the type the browser claims are not trusted). Stories are not tied to a phase:
 * a community may tell what changed at any time. Errors: unauthenticated, not_found (process), forbidden
 * (`story.not_your_hub`), invalid (fields; `story.unknown_hub`, `accountability.unknown_item`,
 * `accountability.unknown_practice`, `story.audio_too_large`, `story.audio_type`). Not idempotent.
 */
export async function recordStory(ctx: Deps, actor: Actor, processId: unknown, input: unknown, audio: Uint8Array | null = null): Promise<Story> {
  const me = signedIn(actor);
  const process = await getProcess(ctx, processId);
  const s = parseInput(storyInputSchema, input);
  if (!(await repo.hubExists(ctx.db, s.hubId))) throw invalid('hubId', 'story.unknown_hub');
  if (!canRecordStory(me, s.hubId)) throw forbidden('story.not_your_hub');
  const items = new Set((await listPlanItems(ctx, process.id)).map((i) => i.id));
  if (s.itemIds.some((id) => !items.has(id))) throw invalid('itemIds', 'accountability.unknown_item');
  if ((await repo.findPublishedPractices(ctx.db, s.practiceIds)).length !== s.practiceIds.length) throw invalid('practiceIds', 'accountability.unknown_practice');
  let sound = null;
  if (audio && audio.byteLength > 0) {
    if (audio.byteLength > MAX_AUDIO_BYTES) throw invalid('audio', `story.audio_too_large:${MAX_AUDIO_BYTES / 1024 / 1024}`);
    const type = audioTypeOf(audio);
    if (!type) throw invalid('audio', 'story.audio_type');
    sound = { bytes: Buffer.from(audio), type };
  }
  const id = await repo.insertStory(ctx.db, { ...s, processId: process.id, audio: sound, by: me.id, at: ctx.clock.now() });
  return (await repo.findStories(ctx.db, { id }))[0]!;
}

/** A published story's audio with the type found when it was recorded. Errors: not_found (no story, or no audio). */
export async function getStoryAudio(ctx: Pick<Deps, 'db'>, storyId: unknown): Promise<{ bytes: Buffer; type: string }> {
  const parsed = uuid.safeParse(storyId);
  const found = parsed.success ? await repo.findStoryAudio(ctx.db, parsed.data) : null;
  if (!found) throw notFound();
  return found;
}

/** The hubs a person may record stories for, by name: the ones they coordinate, every hub for admins. */
export async function hubsFor(ctx: Pick<Deps, 'db'>, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!actor) return [];
  if (actor.role === 'admin') return repo.listHubNames(ctx.db, null);
  return actor.role === 'coordinator' ? repo.listHubNames(ctx.db, actor.hubIds) : [];
}

/**
 * Withdraws a story from the accountability page and the API (its audio too); the row stays, so the
 * decision is not silently undone by a re-import. For the hub's coordinators and admins.
 * Errors: unauthenticated, not_found, forbidden (`story.not_your_hub`). Idempotent.
 */
export async function withdrawStory(ctx: Pick<Deps, 'db'>, actor: Actor, storyId: unknown): Promise<{ processId: string }> {
  const me = signedIn(actor);
  const parsed = uuid.safeParse(storyId);
  const story = parsed.success ? await repo.findStoryRef(ctx.db, parsed.data) : null;
  if (!story) throw notFound();
  if (!canRecordStory(me, story.hubId)) throw forbidden('story.not_your_hub');
  if (story.status !== 'withdrawn') await repo.setStoryStatus(ctx.db, story.id, 'withdrawn');
  return { processId: story.processId };
}

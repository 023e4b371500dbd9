import { failure, type Failure } from '@/lib/errors/codes';
import { readCappedText } from './read-capped-text';
import { originOf } from './same-origin';

/** The widget's requests are a few hundred bytes; anything much larger is not one of them. */
const MAX_BODY_BYTES = 16_384;

export type JsonPost = { ok: true; body: unknown } | Failure<'FORBIDDEN_ORIGIN' | 'MALFORMED_REQUEST'>;

/**
 * The door of a state-changing route that only this app's own pages call (the embedded widget's frame
 * script runs on this origin). The session cookie there is `SameSite=None`, so a browser would attach it to
 * a post from any site: the `Origin` must be ours, and the body JSON, which no plain form can send.
 */
export async function readSameOriginJson(request: Request): Promise<JsonPost> {
  if (originOf(request) !== 'same') return failure('FORBIDDEN_ORIGIN');
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return failure('MALFORMED_REQUEST');
  }
  try {
    const text = await readCappedText(request, MAX_BODY_BYTES);
    return text === null ? failure('MALFORMED_REQUEST') : { ok: true, body: JSON.parse(text) };
  } catch {
    return failure('MALFORMED_REQUEST');
  }
}

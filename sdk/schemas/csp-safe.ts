import * as z from 'zod/mini';

// zod compiles object parsers with `new Function` where it can, and probes for that ability by
// trying. Under a strict Content-Security-Policy the probe itself is a reported violation, so in
// browsers the SDK parses without it; servers keep the faster compiled path.
if (typeof document !== 'undefined') z.config({ jitless: true });

import { z } from 'zod';
import { Id, IsoDate, Timestamps } from './common.ts';
import { firstDuplicate } from './shares.ts';

export const StartupStage = z.enum(['project', 'incubated', 'created', 'closed', 'acquired']);
export type StartupStage = z.infer<typeof StartupStage>;

export const FounderInput = z
  .object({ personId: Id, role: z.string().trim().max(80).nullable().default(null) })
  .strict();

const startupFields = {
  /** The company itself, as an organisation of category startup (so it can be party to agreements). */
  organisationId: Id,
  stage: StartupStage,
  /** A spin-off comes out of the institution's research; other startups are only incubated. */
  isSpinOff: z.boolean(),
  schoolId: Id.nullable().default(null),
  incubatorId: Id.nullable().default(null),
  incubationStart: IsoDate.nullable().default(null),
  incubationEnd: IsoDate.nullable().default(null),
  foundedOn: IsoDate.nullable().default(null),
  description: z.string().trim().max(5000).default(''),
};

export const StartupInput = z
  .object({ ...startupFields, founders: z.array(FounderInput).default([]) })
  .strict()
  .superRefine((value, ctx) => {
    const duplicate = firstDuplicate(value.founders.map((founder) => founder.personId));
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['founders'], message: `lists person ${duplicate} twice` });
    }
    if (value.incubationStart && value.incubationEnd && value.incubationEnd < value.incubationStart) {
      ctx.addIssue({ code: 'custom', path: ['incubationEnd'], message: 'must not be before incubationStart' });
    }
  });
export type StartupInput = z.infer<typeof StartupInput>;

export const Founder = z.object({ personId: Id, name: z.string(), role: z.string().nullable() });

export const Startup = z.object({
  id: Id,
  ...startupFields,
  name: z.string(),
  description: z.string(),
  founders: z.array(Founder),
  /** Agreements the startup's organisation is party to. */
  agreementIds: z.array(Id),
  ...Timestamps,
});
export type Startup = z.infer<typeof Startup>;

export const StartupFilter = z.object({
  stage: StartupStage.optional(),
  schoolId: Id.optional(),
  incubatorId: Id.optional(),
  isSpinOff: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type StartupFilter = z.infer<typeof StartupFilter>;

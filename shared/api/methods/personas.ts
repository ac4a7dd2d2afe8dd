/** Personas and KPIs: declarations of the API methods (see ../contract.ts). */
import { z } from 'zod';
import { DeletedPersona, Id, Index, Kpi, KpiFields, Name, Persona, PersonaFields, PhotoData, PhotoType, RestoredKpi } from '../schemas';
import { MAX_PHOTO_BYTES } from '../../domain/image';
import { mutation, query, inProject, input, partial } from './define';


/** A photo file's bytes in base64 (at most 20 MB of them). */
const PhotoBase64 = z
  .string({ error: 'must be the image’s bytes in base64' })
  .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, { error: 'is too large (a photo may be at most 20 MB)', abort: true })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be the image’s bytes in base64' });



export const personasMethods = {
  'personas.create': mutation(
    'Add a persona (at the end or at an index); only the name is required. Its colour is the first one no persona has, unless given.',
    input({ ...inProject, id: Id.optional(), ...partial(PersonaFields), name: Name, index: Index.optional() }),
    Persona,
  ),
  'personas.update': mutation("Change a persona's name, fields or colour.", input({ ...inProject, personaId: Id, ...partial(PersonaFields) }), Persona),
  'personas.move': mutation('Move a persona to another place in the list; returns every persona in order.', input({ ...inProject, personaId: Id, index: Index }), z.array(Persona)),
  'personas.delete': mutation(
    'Delete a persona with its photo and emotion scores; returns them, so the persona can be restored.',
    input({ ...inProject, personaId: Id }),
    DeletedPersona,
  ),
  'personas.restore': mutation(
    'Put a deleted persona back exactly as it was (undo of a delete).',
    input({
      ...inProject,
      deleted: DeletedPersona.extend({ persona: Persona.extend(PersonaFields) }),
    }),
    Persona,
  ),
  'personas.setPhoto': mutation(
    "Set (or, with null, remove) a persona's photo: a PNG, JPEG or WebP file of at most 20 MB and 10,000 pixels a side, checked, decoded and scaled to 512 pixels on its long side before it is stored. Returns the photo it had before.",
    input({ ...inProject, personaId: Id, photo: z.strictObject({ type: PhotoType.optional(), data: PhotoBase64 }).nullable() }),
    z.object({ before: PhotoData.nullable(), persona: Persona }),
  ),
  'personas.photo': query("A persona's stored photo (base64 with its type), or null.", input({ ...inProject, personaId: Id }), PhotoData.nullable()),

  'kpis.create': mutation(
    'Add a KPI to a stage or to a touchpoint note (exactly one of stageId and noteId).',
    input({ ...inProject, id: Id.optional(), stageId: Id.optional(), noteId: Id.optional(), ...partial(KpiFields), name: Name }).refine((k) => (k.stageId === undefined) !== (k.noteId === undefined), {
      error: 'must name either a stage or a touchpoint note',
      path: ['stageId'],
    }),
    Kpi,
  ),
  'kpis.update': mutation("Change a KPI's name, unit, target, actual, direction or note.", input({ ...inProject, kpiId: Id, ...partial(KpiFields) }), Kpi),
  'kpis.delete': mutation('Delete KPIs; returns them as they were, so they can be restored.', input({ ...inProject, kpiIds: z.array(Id).min(1).max(10_000) }), z.array(Kpi)),
  'kpis.restore': mutation('Put deleted KPIs back exactly as they were (undo of a delete).', input({ ...inProject, kpis: z.array(RestoredKpi).min(1).max(10_000) }), z.array(Kpi)),
} as const;

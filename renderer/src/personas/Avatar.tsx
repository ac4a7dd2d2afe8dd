/** A persona's photo, or their initials on their colour when there is none. */
import type { Persona } from '../../../shared/api/schemas';
import { PERSONA_COLOR_HEX, initials } from '../../../shared/domain/persona';
import { usePersonaPhoto } from './usePersonaPhoto';

export function Avatar({ projectId, persona, size = 40 }: { projectId: string; persona: Persona; size?: number }) {
  const url = usePersonaPhoto(projectId, persona);
  const style = { width: size, height: size, borderColor: PERSONA_COLOR_HEX[persona.color] };
  if (url) return <img className="persona-avatar" src={url} alt="" style={style} />;
  return (
    <span className="persona-avatar persona-initials" aria-hidden="true" style={{ ...style, background: PERSONA_COLOR_HEX[persona.color], fontSize: size * 0.4 }}>
      {initials(persona.name)}
    </span>
  );
}

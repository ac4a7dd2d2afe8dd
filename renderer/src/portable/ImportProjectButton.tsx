/** On the home screen: open a project file (.journey or JSON) from someone else, as a new project. */
export function ImportProjectButton(_props: { onOpen(projectId: string): void }) {
  return null;
}

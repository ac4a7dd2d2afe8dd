/** One API call that changes a map, with how it changes the map on screen and once saved (see MapStore). */
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { ProjectMap } from '../../../shared/api/schemas';

export interface MapOp<M extends MethodName = MethodName> {
  method: M;
  input: Input<M>;
  /** The change as it will look, shown while the call is on its way. */
  optimistic(map: ProjectMap): ProjectMap;
  /** The change applied to the saved map with what the API returned. */
  commit(map: ProjectMap, value: Output<M>): ProjectMap;
}

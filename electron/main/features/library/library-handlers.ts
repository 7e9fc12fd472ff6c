import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';

export function createLibraryHandlers({
  library,
}: {
  library: Library;
}): Pick<ChannelHandlers, 'library:status'> {
  return {
    'library:status': async () => library.status(),
  };
}

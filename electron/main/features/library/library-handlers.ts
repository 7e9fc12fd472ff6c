import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';

export function createLibraryHandlers({
  library,
}: {
  library: Library;
}): Pick<ChannelHandlers, 'library:status'> {
  return {
    // While saving fails, each look at the status checks the data folder again: the banner
    // goes as soon as saving works, not at main's next timed check.
    'library:status': async () => {
      if (library.writeHealth.current()) await library.writeHealth.check();
      return library.status();
    },
  };
}

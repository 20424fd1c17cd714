import { PlatformCore1795324402565 } from './1795324402565-PlatformCore';

/** Every migration, oldest first. A spec checks that they produce exactly the declared schema. */
export const MIGRATIONS = [PlatformCore1795324402565];

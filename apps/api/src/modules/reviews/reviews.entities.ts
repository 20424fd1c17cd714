import { reviewBulletinEntity } from './bulletin/review-bulletin.entity';

/** Tables of this module that are not declared resources; the data source lists them. */
export const REVIEW_ENTITIES = [reviewBulletinEntity];

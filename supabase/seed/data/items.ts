// The whole demo catalogue of service items, in display order by department group.
import type { SeedItem } from '../types';
import { civilItems } from './items-civil';
import { healthItems } from './items-health';
import { landItems } from './items-land';
import { largeTownItems } from './items-large';
import { socialItems } from './items-social';
import { utilityItems } from './items-utilities';

export const items: SeedItem[] = [
  ...socialItems,
  ...civilItems,
  ...landItems,
  ...healthItems,
  ...utilityItems,
  ...largeTownItems,
];

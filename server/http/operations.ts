// Every operation of the API, by domain: the router (./api-app), the OpenAPI document and the
// authorization matrix all read this one list.
import { accountOperations } from '../accounts/account-routes';
import { bookingOperations } from '../booking/booking-routes';
import { caseOperations } from '../cases/case-routes';
import { catalogueAdminOperations } from '../catalogue/catalogue-admin-routes';
import { catalogueOperations } from '../catalogue/catalogue-routes';
import { configOperations } from '../center-config/config-routes';
import { notificationOperations } from '../notifications/notification-routes';
import { queueOperations } from '../queue/queue-routes';
import { systemOperations } from '../system/system-routes';
import type { Operation } from './operation';

export const OPERATIONS: readonly Operation[] = [
  ...systemOperations,
  ...catalogueOperations,
  ...bookingOperations,
  ...caseOperations,
  ...queueOperations,
  ...accountOperations,
  ...configOperations,
  ...catalogueAdminOperations,
  ...notificationOperations,
];

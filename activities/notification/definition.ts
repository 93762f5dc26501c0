import { defineService } from '../service-definition';

export const notificationService = defineService({
  name: 'notification',
  description: 'Email to users through a pluggable sender, every message recorded',
  // Calls an outside provider: one attempt may take longer than a database write.
  stepTimeout: '30 seconds',
});

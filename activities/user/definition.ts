import { defineService } from '../service-definition';

export const userService = defineService({
  name: 'user',
  description: 'User accounts: unique usernames and email addresses',
});

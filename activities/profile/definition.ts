import { defineService } from '../service-definition';

export const profileService = defineService({
  name: 'profile',
  description: 'Public profiles: names and display names',
});

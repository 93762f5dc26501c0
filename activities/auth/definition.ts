import { defineService } from '../service-definition';

export const authService = defineService({
  name: 'auth',
  description: 'Login credentials, stored as salted scrypt hashes',
});

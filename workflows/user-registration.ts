import type { AuthActivities } from '../activities/auth/activities';
import { authService } from '../activities/auth/definition';
import type { NotificationActivities } from '../activities/notification/activities';
import { notificationService } from '../activities/notification/definition';
import type { ProfileActivities } from '../activities/profile/activities';
import { profileService } from '../activities/profile/definition';
import type { UserActivities } from '../activities/user/activities';
import { userService } from '../activities/user/definition';
import { sagaOptions, userRegistrationInput, type SagaOptions, type UserRegistrationInput } from './inputs';
import { Saga, validateInput } from './saga';
import { stepOn, undoOn } from './service-stubs';

export interface UserRegistrationResult {
  userId: string;
  profileId: string;
  credentialId: string;
}

/**
 * Registers a user: create the user, create their profile, send the welcome email, create their
 * login. The workflow ID is the username.
 */
export async function userRegistrationSaga(
  rawInput: UserRegistrationInput,
  rawOptions: SagaOptions = {},
): Promise<UserRegistrationResult> {
  const input = validateInput(userRegistrationInput, rawInput, 'username');
  const options = validateInput(sagaOptions, rawOptions);
  const saga = new Saga('user-registration', input.username, [
    { name: 'createUser', service: userService.name, compensable: true },
    { name: 'createProfile', service: profileService.name, compensable: true },
    { name: 'sendWelcomeEmail', service: notificationService.name, compensable: false },
    { name: 'createAuthRecord', service: authService.name, compensable: true },
  ]);
  const who = input.username;

  return saga.run(async () => {
    const { userId } = await saga.step(
      'createUser',
      () =>
        stepOn<UserActivities>(userService, `Create user ${who}`).createUser({
          username: input.username,
          email: input.email,
          idempotencyKey: saga.key('createUser'),
        }),
      () =>
        undoOn<UserActivities>(userService, `Delete user ${who}`, options).deleteUser({
          idempotencyKey: saga.key('createUser'),
        }),
    );

    const { profileId, displayName } = await saga.step(
      'createProfile',
      () =>
        stepOn<ProfileActivities>(profileService, `Create the profile of ${who}`).createProfile({
          userId,
          firstName: input.firstName,
          lastName: input.lastName,
          displayName: input.displayName,
          idempotencyKey: saga.key('createProfile'),
        }),
      () =>
        undoOn<ProfileActivities>(profileService, `Delete the profile of ${who}`, options).deleteProfile({
          idempotencyKey: saga.key('createProfile'),
        }),
    );

    await saga.step('sendWelcomeEmail', () =>
      stepOn<NotificationActivities>(notificationService, `Send the welcome email to ${who}`).sendWelcomeEmail({
        email: input.email,
        displayName,
        idempotencyKey: saga.key('sendWelcomeEmail'),
      }),
    );

    const { credentialId } = await saga.step(
      'createAuthRecord',
      () =>
        stepOn<AuthActivities>(authService, `Create the login of ${who}`).createAuthRecord({
          userId,
          password: input.password,
          idempotencyKey: saga.key('createAuthRecord'),
        }),
      () =>
        undoOn<AuthActivities>(authService, `Delete the login of ${who}`, options).deleteAuthRecord({
          idempotencyKey: saga.key('createAuthRecord'),
        }),
    );

    return { userId, profileId, credentialId };
  });
}

import type { AuthActivities } from '../activities/auth/activities';
import { authService } from '../activities/auth/definition';
import type { NotificationActivities } from '../activities/notification/activities';
import { notificationService } from '../activities/notification/definition';
import type { ProfileActivities } from '../activities/profile/activities';
import { profileService } from '../activities/profile/definition';
import type { UserActivities } from '../activities/user/activities';
import { userService } from '../activities/user/definition';
import { patched } from '@temporalio/workflow';
import { sagaOptions, userRegistrationInput, type SagaOptions, type UserRegistrationInput } from './inputs';
import { Saga, validateInput } from './saga';
import type { SagaResult } from './saga-status';
import { stepOn, undoOn } from './service-stubs';

export interface UserRegistrationResult {
  userId: string;
  profileId: string;
  credentialId: string;
}

/**
 * Registers a user: create the user, create their profile, create their login, send the welcome
 * email. The workflow ID is the username.
 */
export async function userRegistrationSaga(
  rawInput: UserRegistrationInput,
  rawOptions: SagaOptions = {},
): Promise<SagaResult<UserRegistrationResult>> {
  const input = validateInput(userRegistrationInput, rawInput, 'username');
  const options = validateInput(sagaOptions, rawOptions);
  // The welcome email cannot be unsent, so it now goes last: a registration that fails at its
  // login no longer welcomes anyone. Runs started before this change keep their recorded order
  // (README, "Changing a workflow safely"); once none is left, this becomes deprecatePatch().
  const welcomeEmailLast = patched('welcome-email-after-login');
  const user = { name: 'createUser', service: userService.name, compensable: true };
  const profile = { name: 'createProfile', service: profileService.name, compensable: true };
  const welcome = { name: 'sendWelcomeEmail', service: notificationService.name, compensable: false };
  const login = { name: 'createAuthRecord', service: authService.name, compensable: true };
  const saga = new Saga(
    'user-registration',
    input.username,
    welcomeEmailLast ? [user, profile, login, welcome] : [user, profile, welcome, login],
  );
  const who = input.username;

  const createUser = () =>
    saga.step(
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

  const createProfile = (userId: string) =>
    saga.step(
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

  const sendWelcomeEmail = (displayName: string) =>
    saga.step('sendWelcomeEmail', () =>
      stepOn<NotificationActivities>(notificationService, `Send the welcome email to ${who}`).sendWelcomeEmail({
        email: input.email,
        displayName,
        idempotencyKey: saga.key('sendWelcomeEmail'),
      }),
    );

  const createLogin = (userId: string) =>
    saga.step(
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

  return saga.run(async () => {
    const { userId } = await createUser();
    const { profileId, displayName } = await createProfile(userId);
    if (welcomeEmailLast) {
      const { credentialId } = await createLogin(userId);
      await sendWelcomeEmail(displayName);
      return { userId, profileId, credentialId };
    }
    await sendWelcomeEmail(displayName);
    const { credentialId } = await createLogin(userId);
    return { userId, profileId, credentialId };
  });
}

// The workflows the orchestrator worker hosts: the bundle's entry point.
export { userRegistrationSaga } from './user-registration';
export { orderSaga } from './order-processing';

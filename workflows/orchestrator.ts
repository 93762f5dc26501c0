/** The orchestrator: the worker that runs the saga workflows, on its own task queue. */
export const orchestrator = {
  name: 'orchestrator',
  description: 'Runs the saga workflows; holds no data of its own',
  taskQueue: 'sagas',
} as const;

// Placeholder: replaced by the shared MongoDB-protocol server setup.
export default async function setup(): Promise<void> {}

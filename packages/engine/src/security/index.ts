export { readMasterKey } from './master-key.js'
export type { MasterKey } from './master-key.js'
export { Vault } from './vault.js'

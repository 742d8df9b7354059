/** The popup's forms that only the first run and the locked state need (loaded off the start path). */
export { CreateVaultForm } from '../../components/create-vault-form';
export { UnlockForm } from '../../components/unlock-form';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Language, Me } from '../../api/types.ts';
import { applyLanguage, rememberedLanguage } from '../../i18n/index.ts';
import { endSession, startSession } from './store.ts';

export interface Credentials {
  email: string;
  password: string;
}

/**
 * After logging in, a language the visitor chose on this device wins and is saved to the profile;
 * otherwise the profile's language is applied.
 */
async function syncLanguage(me: Me): Promise<Me> {
  const chosen = rememberedLanguage();
  if (chosen && chosen !== me.language) {
    return api.patch<Me>('/api/v1/me', { language: chosen }).catch(() => me);
  }
  applyLanguage(me.language);
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) =>
      syncLanguage(await api.post<Me>('/api/v1/auth/login', credentials)),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSuccess: () => endSession(queryClient),
  });
}

export function usePasswordResetRequest() {
  return useMutation({
    mutationFn: (input: { email: string }) =>
      api.post<void>('/api/v1/auth/password-reset-requests', input),
  });
}

export function usePasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api.post<void>('/api/v1/auth/password-resets', input),
  });
}

/** Switches the language now and, when signed in, saves it to the profile. */
export function useLanguageChoice(me: Me | null) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) => api.patch<Me>('/api/v1/me', { language }),
    onSuccess: (updated) => startSession(queryClient, updated),
  });
  return (language: Language) => {
    applyLanguage(language);
    if (me && me.language !== language) save.mutate(language);
  };
}

import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, Workspace } from '../../api/types.ts';
import { Button } from '../button.tsx';

function SwitcherForm({ me, current }: { me: Me; current: Workspace | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [slug, setSlug] = useState(current?.slug ?? '');
  // A submit button rather than navigating on change: changing a select must not move the page
  // (WCAG 3.2.2).
  return (
    <form
      className="wd-workspace-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        if (slug) void navigate({ to: '/w/$slug', params: { slug } });
      }}
    >
      <label className="utrecht-form-label" htmlFor="workspace-switcher">
        {t('layout.workspace')}
      </label>
      <select
        id="workspace-switcher"
        className="utrecht-select utrecht-select--html-select"
        value={slug}
        onChange={(event) => setSlug(event.target.value)}
      >
        {current ? null : <option value="">{t('layout.chooseWorkspace')}</option>}
        {me.workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.slug}>
            {workspace.name}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary">
        {t('layout.switchWorkspace')}
      </Button>
    </form>
  );
}

export function WorkspaceSwitcher({ me, current }: { me: Me; current: Workspace | null }) {
  const { t } = useTranslation();
  if (me.workspaces.length === 0) return null;
  if (me.workspaces.length === 1) {
    return (
      <p className="utrecht-paragraph wd-workspace-name">
        {t('layout.workspaceName', { name: me.workspaces[0]?.name })}
      </p>
    );
  }
  // Re-mount when the page's workspace changes, so the select shows it.
  return <SwitcherForm key={current?.slug ?? ''} me={me} current={current} />;
}

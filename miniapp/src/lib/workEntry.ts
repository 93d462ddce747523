// Who sees the 工作台 entry on the home and settings screens: staff and managers (the database
// checks every workbench call again, so this only decides what is shown).

export function canUseWorkbench(role: string | undefined | null): boolean {
  return role === 'staff' || role === 'manager';
}

/**
 * Page texts of "your account" (password change, signing out other devices) and of the administrators'
 * account actions (disable, enable, sign out everywhere). Spread into EN and ZH_CN, so `t()` knows them and
 * the compiler checks both languages have every key.
 */
export const ACCOUNTS_EN = {
  'nav.account': 'Your account',
  'account.title': 'Your account',
  'account.who': 'You are signed in as {name} ({email}).',
  'account.password': 'Change your password',
  'account.passwordIntro':
    'When you change your password, you are signed out on every other device and browser. You stay signed in here.',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.confirm': 'Confirm new password',
  'account.wrongPassword': 'The current password is not right',
  'account.mismatch': 'Enter the same new password twice',
  'account.passwordSubmit': 'Change password',
  'account.passwordChanged':
    'Your password has been changed. You have been signed out on every other device and browser.',
  'account.others': 'Sign out of other devices',
  'account.othersIntro':
    'If you signed in on a shared or lost device, end those sessions now. You stay signed in here.',
  'account.othersDone': 'You have been signed out on your other devices ({n} sessions ended).',
  'users.status': 'Status',
  'users.active': 'Active',
  'users.disabled': 'Disabled',
  'users.actions': 'Actions',
  'users.you': '(you)',
  'users.disable': 'Disable account',
  'users.enable': 'Enable account',
  'users.revoke': 'Sign out everywhere',
  'users.account': 'Account',
  'users.disableTitle': 'Disable the account of {name}?',
  'users.disableWarn':
    '{name} will be signed out on every device at once and will not be able to sign in until an administrator enables the account again. Their requests and cases are not changed.',
  'users.disableConfirm': 'Yes, disable this account',
  'users.revokeTitle': 'Sign {name} out everywhere?',
  'users.revokeWarn':
    'Every session of {name} ends at once, on every device. They can sign in again with their password.',
  'users.revokeConfirm': 'Yes, sign out everywhere',
  'users.cancel': 'Cancel and go back',
  'users.disabledDone': 'The account of {name} is disabled. They have been signed out everywhere.',
  'users.enabledDone': 'The account of {name} is enabled again. They can sign in.',
  'users.revokedDone': '{name} has been signed out everywhere ({n} sessions ended).',
} as const;

export const ACCOUNTS_ZH_CN: Readonly<Record<keyof typeof ACCOUNTS_EN, string>> = {
  'nav.account': '我的账户',
  'account.title': '我的账户',
  'account.who': '您当前登录的账户：{name}（{email}）。',
  'account.password': '修改密码',
  'account.passwordIntro': '修改密码后，您在其他所有设备和浏览器上的登录都会结束；本设备仍保持登录。',
  'account.current': '当前密码',
  'account.new': '新密码',
  'account.confirm': '确认新密码',
  'account.wrongPassword': '当前密码不正确',
  'account.mismatch': '两次输入的新密码不一致',
  'account.passwordSubmit': '修改密码',
  'account.passwordChanged': '密码已修改。您在其他所有设备和浏览器上的登录均已结束。',
  'account.others': '退出其他设备上的登录',
  'account.othersIntro': '如果您曾在公用或丢失的设备上登录，可以立即结束这些登录；本设备仍保持登录。',
  'account.othersDone': '已退出您在其他设备上的登录（结束 {n} 个会话）。',
  'users.status': '状态',
  'users.active': '正常',
  'users.disabled': '已停用',
  'users.actions': '操作',
  'users.you': '（您本人）',
  'users.disable': '停用账户',
  'users.enable': '启用账户',
  'users.revoke': '在所有设备上退出登录',
  'users.account': '账户',
  'users.disableTitle': '停用 {name} 的账户？',
  'users.disableWarn':
    '{name} 在所有设备上的登录将立即结束，并且在管理员重新启用该账户之前无法登录。其经办的申请和案件不受影响。',
  'users.disableConfirm': '确认停用该账户',
  'users.revokeTitle': '让 {name} 在所有设备上退出登录？',
  'users.revokeWarn': '{name} 在所有设备上的登录将立即结束。其仍可用自己的密码重新登录。',
  'users.revokeConfirm': '确认全部退出',
  'users.cancel': '取消并返回',
  'users.disabledDone': '{name} 的账户已停用，其在所有设备上的登录均已结束。',
  'users.enabledDone': '{name} 的账户已重新启用，可以登录。',
  'users.revokedDone': '{name} 已在所有设备上退出登录（结束 {n} 个会话）。',
};

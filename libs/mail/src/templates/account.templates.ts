import { greeting } from './format';
import type { TemplateDef } from './template-def';
import type { MailTemplateParams } from './template-params';

export const verifyEmail: TemplateDef<MailTemplateParams['verify_email']> = {
  en: (p, link) => ({
    subject: 'Confirm your email address',
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      { kind: 'p', text: 'Please confirm your email address to finish creating your Disclose account.' },
      { kind: 'button', label: 'Confirm my email address', href: link },
      { kind: 'p', text: 'If you did not create an account, you can ignore this email.' },
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: '请验证您的电子邮箱',
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      { kind: 'p', text: '请验证您的电子邮箱，以完成 Disclose 账户注册。' },
      { kind: 'button', label: '验证电子邮箱', href: link },
      { kind: 'p', text: '如果您没有注册账户，请忽略本邮件。' },
    ],
  }),
};

export const passwordReset: TemplateDef<MailTemplateParams['password_reset']> = {
  en: (p, link) => ({
    subject: 'Reset your password',
    blocks: [
      { kind: 'p', text: greeting(p.name, 'en') },
      {
        kind: 'p',
        text:
          'Someone asked to reset the password of your Disclose account.' +
          (p.expiresInMinutes ? ` The link below works for ${p.expiresInMinutes} minutes.` : ''),
      },
      { kind: 'button', label: 'Choose a new password', href: link },
      { kind: 'p', text: 'If it was not you, ignore this email: your password stays unchanged.' },
    ],
  }),
  'zh-CN': (p, link) => ({
    subject: '重置您的密码',
    blocks: [
      { kind: 'p', text: greeting(p.name, 'zh-CN') },
      {
        kind: 'p',
        text:
          '我们收到了重置您 Disclose 账户密码的请求。' +
          (p.expiresInMinutes ? `以下链接在 ${p.expiresInMinutes} 分钟内有效。` : ''),
      },
      { kind: 'button', label: '设置新密码', href: link },
      { kind: 'p', text: '如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。' },
    ],
  }),
};

// What the account endpoints accept (zod): also the source of their OpenAPI request schemas.
import { z } from 'zod';

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, '用户名用小写字母开头，3到32位，只能有字母、数字和 . _ -');

const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多40个字');
const staffRole = z.enum(['staff', 'manager', 'admin']);
const centerId = z.uuid('中心编号格式不对').nullable();

export const passwordLoginBody = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64).describe('the username (case does not matter)'),
  password: z.string().min(1, '请填写密码').max(200).describe('the password; never logged'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请填写原密码').max(200).describe('the current (or temporary) password'),
  newPassword: z.string().min(1, '请填写新密码').max(200).describe('≥ 8 characters, letters and digits, not containing the username'),
});

export const createAccountBody = z.object({
  username: username.describe('login name, unique in the system, stored lower case'),
  displayName: displayName.describe("the person's name as colleagues see it"),
  role: staffRole.describe('staff 窗口人员 | manager 中心负责人 | admin 县管理员'),
  centerId: centerId.optional().describe('the centre of staff and managers (a manager may leave it out: their own); null for admins'),
});

export const updateAccountBody = z
  .object({
    displayName: displayName.optional(),
    role: staffRole.optional(),
    centerId: centerId.optional().describe('a new centre (staff and managers)'),
  })
  .refine((b) => b.displayName !== undefined || b.role !== undefined || b.centerId !== undefined, { message: '没有要修改的内容' });

export const accountListQuery = z.object({
  center: z.uuid('中心编号格式不对').optional(),
});

export const auditLogQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,40}$/, '操作类型格式不对')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

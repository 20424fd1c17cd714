import { defineResource, ROLE_LABELS, ROLES } from '@zizhu/schema';

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/**
 * 用户: each user holds one role and is bound to one node of the region tree — a region
 * (city, county, township) or, for school officers, a school.
 */
export const userResource = defineResource({
  name: 'users',
  table: 'users',
  label: { zh: '用户', en: 'Users' },
  recordLabel: 'displayName',
  idType: 'integer',
  icon: 'person',
  menu: { group: 'system', order: 1 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['schoolId', 'regionId'] },
  access: {
    list: ['admin', 'county'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
  },
  businessKey: ['username'],
  defaultSort: { field: 'username', order: 'ASC' },
  indexes: [{ name: 'ux_users_username', columns: ['username'], unique: true }],
  fields: {
    username: {
      type: 'string',
      label: { zh: '用户名', en: 'Username' },
      required: true,
      immutable: true,
      minLength: 3,
      maxLength: 40,
      pattern: {
        regex: '^[a-z0-9_.-]+$',
        message: { zh: '用户名只能包含小写字母、数字和 _ . -', en: 'Lowercase letters, digits and _ . - only' },
      },
      list: true,
      sort: true,
      search: 'prefix',
    },
    displayName: {
      type: 'string',
      label: { zh: '姓名', en: 'Display name' },
      required: true,
      maxLength: 50,
      list: true,
      sort: true,
      search: 'prefix',
    },
    role: {
      type: 'enum',
      label: { zh: '角色', en: 'Role' },
      required: true,
      options: ROLE_OPTIONS,
      list: true,
      filter: 'exact',
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '所属区划', en: 'Region' },
      help: { zh: '市、县或乡镇用户填写', en: 'For city, county and township users' },
      list: true,
      filter: 'exact',
    },
    schoolId: {
      type: 'reference',
      reference: 'schools',
      label: { zh: '所属学校', en: 'School' },
      help: { zh: '学校资助专干填写', en: 'For school officers' },
      list: true,
      filter: 'exact',
    },
    password: {
      type: 'password',
      label: { zh: '密码', en: 'Password' },
      help: { zh: '至少8位；留空则不修改', en: 'At least 8 characters; leave empty to keep the current one' },
      writeOnly: true,
      minLength: 8,
      maxLength: 128,
      column: 'password_hash',
    },
    active: {
      type: 'boolean',
      label: { zh: '启用', en: 'Active' },
      defaultValue: true,
      list: true,
      filter: 'exact',
    },
    tokenVersion: {
      type: 'integer',
      label: { zh: '登录令牌版本', en: 'Token version' },
      help: {
        zh: '修改密码、角色或停用账号时加一，此前签发的登录令牌随即失效',
        en: 'Raised by a password change, a role change or deactivation; older login tokens stop working',
      },
      // Server-side only: never accepted, never sent. A database trigger raises it on every
      // writer's update (the generic PUT, imports), see migration TokenVersion.
      readOnly: true,
      writeOnly: true,
      defaultValue: 0,
    },
  },
  check: (r) => {
    const hasSchool = r.schoolId != null && r.schoolId !== '';
    const hasRegion = r.regionId != null && r.regionId !== '';
    if (r.role === 'school' && !hasSchool)
      return { field: 'schoolId', message: { zh: '学校资助专干须绑定一所学校', en: 'A school officer is bound to a school' } };
    if (r.role !== 'school' && !hasRegion)
      return { field: 'regionId', message: { zh: '请选择所属区划', en: 'Choose the region this user works for' } };
    if (hasSchool && hasRegion)
      return { field: 'regionId', message: { zh: '区划和学校只能二选一', en: 'Bind the user to a region or a school, not both' } };
    return null;
  },
});

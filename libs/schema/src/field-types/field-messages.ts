import type { FieldDeclaration } from '../field';
import { ID_NUMBER_MESSAGES, type IdNumberFault } from '../id-number';
import { formatYuan } from '../money';
import type { Localized } from '../role';
import { STRING_MAX_LENGTH } from './value-checks';

/** Keys of the validation messages the engine produces; each renders zh and en. */
export type MessageKey =
  | 'required'
  | 'text'
  | 'maxLength'
  | 'minLength'
  | 'pattern'
  | 'integer'
  | 'number'
  | 'decimals'
  | 'money'
  | 'min'
  | 'max'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'option'
  | 'options'
  | 'object'
  | 'list'
  | 'phone'
  | 'account'
  | 'unique'
  | 'reference'
  | 'outOfRange'
  | 'nul'
  | 'tooDeep'
  | 'idNumberAsNumber'
  | 'longNumberAsNumber'
  | `idNumber.${IdNumberFault}`;

export type MessageField = Pick<FieldDeclaration, 'type' | 'label' | 'maxLength' | 'minLength' | 'min' | 'max' | 'pattern' | 'decimals'>;

/** A bound as the user types the value: money is stored in fen but typed in yuan (1,000.00元, not 100000). */
function boundText(field: MessageField, bound: number | undefined): Localized {
  if (field.type !== 'money' || bound === undefined) return { zh: String(bound), en: String(bound) };
  const yuan = formatYuan(bound, { grouped: true });
  return { zh: `${yuan}元`, en: `${yuan} yuan` };
}

/** A field's message in both languages, naming the field by its label. */
export function renderMessage(key: MessageKey, field: MessageField): Localized {
  const { zh: l, en: le } = field.label;
  switch (key) {
    case 'required':
      return { zh: `请填写${l}`, en: `${le} is required` };
    case 'text':
      return { zh: `${l}应为文本`, en: `${le} must be text` };
    case 'maxLength':
      return { zh: `${l}最多${field.maxLength ?? STRING_MAX_LENGTH}个字符`, en: `${le} has at most ${field.maxLength ?? STRING_MAX_LENGTH} characters` };
    case 'minLength':
      return { zh: `${l}至少${field.minLength}个字符`, en: `${le} has at least ${field.minLength} characters` };
    case 'pattern':
      return field.pattern?.message ?? { zh: `${l}格式不正确`, en: `${le} has the wrong format` };
    case 'integer':
      return { zh: `${l}应为整数`, en: `${le} must be a whole number` };
    case 'number':
      return { zh: `${l}应为数字`, en: `${le} must be a number` };
    case 'decimals':
      return field.decimals
        ? { zh: `${l}最多保留${field.decimals}位小数`, en: `${le} has at most ${field.decimals} decimal place(s)` }
        : { zh: `${l}应为整数`, en: `${le} must be a whole number` };
    case 'money':
      return { zh: `${l}应为以分计的整数金额`, en: `${le} must be a whole number of fen` };
    case 'min': {
      const min = boundText(field, field.min);
      return { zh: `${l}不能小于${min.zh}`, en: `${le} must be at least ${min.en}` };
    }
    case 'max': {
      const max = boundText(field, field.max);
      return { zh: `${l}不能大于${max.zh}`, en: `${le} must be at most ${max.en}` };
    }
    case 'boolean':
      return { zh: `${l}应为“是”或“否”`, en: `${le} must be yes or no` };
    case 'date':
      return { zh: `${l}应为有效日期（如 2012-09-01）`, en: `${le} must be a real date (e.g. 2012-09-01)` };
    case 'datetime':
      return { zh: `${l}应为有效时间`, en: `${le} must be a valid time` };
    case 'option':
      return { zh: `${l}的值不在可选范围内`, en: `${le} must be one of the listed choices` };
    case 'options':
      return { zh: `请至少选择一项${l}，且只能选列出的值`, en: `Choose at least one ${le} from the list` };
    case 'list':
      return { zh: `${l}应为列表`, en: `${le} must be a list` };
    case 'object':
      return { zh: `${l}格式不正确`, en: `${le} must be an object` };
    case 'phone':
      return { zh: `${l}应为11位手机号或带区号的固定电话`, en: `${le} must be an 11-digit mobile or a landline with area code` };
    case 'account':
      return { zh: `${l}应为12至30位数字`, en: `${le} must have 12 to 30 digits` };
    case 'unique':
      return { zh: `${l}已存在，不能重复`, en: `This ${le} already exists` };
    case 'outOfRange':
      return { zh: `${l}超出可保存的范围`, en: `${le} is out of range` };
    case 'nul':
      return { zh: `${l}含有不可见的控制字符（U+0000），请删除后重试`, en: `${le} contains a NUL character (U+0000)` };
    case 'tooDeep':
      return { zh: `${l}嵌套层级过深`, en: `${le} is nested too deeply` };
    case 'reference':
      return { zh: `所选${l}不存在或不在您的管辖范围内`, en: `The chosen ${le} does not exist in your region` };
    case 'idNumberAsNumber':
      return {
        zh: '身份证号被 Excel 存成了数字，超过15位的部分已经丢失，号码是错的：请把该列设为“文本”后重新录入',
        en: 'Excel stored this ID number as a number and lost every digit after the 15th: set the column to Text and type it again',
      };
    case 'longNumberAsNumber':
      return {
        zh: '该号码被 Excel 存成了数字，超过15位的部分已经丢失：请把该列设为“文本”后重新录入',
        en: 'Excel stored this number as a number and lost the digits after the 15th: set the column to Text and type it again',
      };
    default:
      return ID_NUMBER_MESSAGES[key.slice('idNumber.'.length) as IdNumberFault];
  }
}

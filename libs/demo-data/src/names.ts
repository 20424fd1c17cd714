import { type Random, weightedPicker } from './random';

export type Gender = 'male' | 'female';

/**
 * Surnames with rough weights (per mille): national frequencies, adjusted for 玉林, where
 * 黄 陈 李 梁 庞 钟 莫 覃 韦 are far more common than the national average.
 */
const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['黄', 82], ['陈', 72], ['李', 62], ['梁', 48], ['王', 38], ['刘', 34], ['张', 30], ['林', 26],
  ['庞', 24], ['钟', 22], ['杨', 20], ['莫', 20], ['覃', 16], ['韦', 16], ['吴', 15], ['邓', 14],
  ['冯', 13], ['何', 13], ['周', 12], ['罗', 12], ['赖', 10], ['谢', 10], ['苏', 10], ['朱', 10],
  ['卢', 9], ['宁', 8], ['潘', 8], ['曾', 8], ['叶', 8], ['徐', 8], ['彭', 7], ['赵', 7],
  ['孙', 6], ['马', 6], ['胡', 6], ['郭', 6], ['高', 6], ['宋', 5], ['郑', 5], ['韩', 4],
  ['唐', 5], ['于', 3], ['董', 3], ['萧', 3], ['程', 3], ['曹', 3], ['袁', 3], ['许', 4],
  ['傅', 3], ['沈', 3], ['吕', 3], ['蒋', 3], ['蔡', 4], ['贾', 2], ['丁', 3], ['魏', 3],
  ['薛', 2], ['阎', 1], ['余', 3], ['杜', 3], ['戴', 2], ['夏', 2], ['汪', 2], ['田', 2],
  ['任', 2], ['姜', 2], ['范', 2], ['方', 2], ['石', 3], ['姚', 2], ['谭', 4], ['廖', 5],
  ['邹', 2], ['熊', 2], ['金', 2], ['陆', 3], ['郝', 1], ['孔', 1], ['白', 2], ['崔', 1],
  ['康', 1], ['毛', 1], ['邱', 3], ['秦', 1], ['江', 2], ['史', 1], ['顾', 1], ['侯', 1],
  ['邵', 1], ['孟', 1], ['龙', 3], ['万', 1], ['段', 1], ['雷', 2], ['钱', 1], ['汤', 1],
  ['尹', 1], ['黎', 4], ['易', 1], ['常', 1], ['武', 1], ['乔', 1], ['贺', 1], ['龚', 1],
  ['文', 2], ['凌', 2], ['麦', 2], ['温', 3], ['丘', 2],
];

export const SURNAMES: readonly string[] = SURNAME_WEIGHTS.map(([s]) => s);
const pickSurnameIndex = weightedPicker(SURNAME_WEIGHTS.map(([, w]) => w));

export function pickSurname(random: Random): string {
  return SURNAMES[pickSurnameIndex(random)];
}

/** Children born 2008–2023: the fashionable names of those years, plus free combinations. */
const POPULAR: Record<Gender, readonly string[]> = {
  male: ['浩然', '宇轩', '俊杰', '思远', '子轩', '浩宇', '博文', '梓豪', '宇航', '家豪', '明轩', '皓轩',
    '俊熙', '天佑', '子墨', '铭泽', '嘉俊', '志豪', '一鸣', '晨阳', '泽宇', '睿哲', '子涵', '梓睿'],
  female: ['欣怡', '梓萱', '雨桐', '诗琪', '嘉怡', '子涵', '可馨', '思彤', '雨欣', '佳琪', '语嫣', '梦琪',
    '紫涵', '欣妍', '诗涵', '若曦', '芷若', '佳怡', '雅琪', '静怡', '婉婷', '心怡', '晓彤', '一诺'],
};
const FIRST: Record<Gender, readonly string[]> = {
  male: [...'浩宇俊子梓博家明皓嘉志泽天文振锦瑞建伟鑫晨思凯永海铭承昊宏秋富健华'],
  female: [...'欣梓雨诗嘉子可思佳语梦紫雅静婉心晓一芷若美丽慧雪婷晴舒怡彩艺秋春'],
};
const SECOND: Record<Gender, readonly string[]> = {
  male: [...'然轩杰豪航宇文涛辉鹏源博阳霖林彬翔森烨成恒睿鸿楠康哲琦诚铭旭'],
  female: [...'怡萱桐琪涵馨彤欣妍琳瑶婷悦媛雯洁璐菲蕾露晴娜颖芸茜岚薇淇月玲'],
};
const SINGLE: Record<Gender, readonly string[]> = {
  male: [...'杰浩宇鑫磊涛斌凯鹏强波俊亮毅睿'],
  female: [...'婷欣悦颖琳丹洁倩雪妍静怡萍敏瑶'],
};

export function childGivenName(random: Random, gender: Gender): string {
  const r = random.next();
  if (r < 0.12) return random.pick(SINGLE[gender]);
  if (r < 0.4) return random.pick(POPULAR[gender]);
  return random.pick(FIRST[gender]) + random.pick(SECOND[gender]);
}

/** Parents born 1970s–1990s and grandparents born 1950s–1960s name differently. */
const ADULT: Record<Gender, readonly string[]> = {
  male: ['建华', '志强', '国强', '伟', '勇', '军', '海', '明', '建国', '永明', '家明', '振华', '文辉',
    '志明', '德明', '春生', '国平', '海波', '伟明', '少华', '桂林', '金华', '永强', '世杰', '华', '锦荣',
    '光明', '土生', '庆华', '汉生'],
  female: ['秀英', '丽娟', '桂芳', '海燕', '美玲', '小红', '丽', '芳', '燕', '秀兰', '玉梅', '春梅',
    '桂英', '丽华', '凤英', '金凤', '慧', '婷', '艳', '红梅', '秋菊', '玉兰', '月娥', '桂兰', '少梅'],
};

/** A father or grandparent (same surname) mostly, else a mother (her own surname). */
export function guardianName(random: Random, childSurname: string): string {
  const r = random.next();
  if (r < 0.78) return childSurname + random.pick(ADULT.male);
  if (r < 0.86) return childSurname + random.pick(ADULT.female);
  return pickSurname(random) + random.pick(ADULT.female);
}

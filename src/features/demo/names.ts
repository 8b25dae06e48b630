/**
 * Chinese personal names for generated people: a surname drawn with roughly the weight it has in the population
 * (王, 李, 张 … far more often than 覃 or 莫), and a one- or two-character given name from characters common in given
 * names. The combinations are invented; any likeness to a real person is chance, and no list of real people is used.
 */
import { type Random } from "./random.js";

// The hundred or so most common surnames, most frequent first.
const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];

const GIVEN = [
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力永健志国晓东海峰宇婷雪琳欣怡嘉浩然思远博雅晨阳宁凯鹏飞俊鑫颖慧倩佳梦瑶子轩涵睿泽宏亮斌彬鸿振兴立新春燕云霖学松柏林森梅兰菊竹蓉晶莉丹妮清源德昌盛荣耀光辉炜琦璐瑾瑜",
];

/** Index into SURNAMES with a falling weight, so the common surnames come up as often as they do in life. */
function surnameOf(random: Random): string {
  // r² skews towards the start of the list; the exponent is a rough fit, not a demographic claim.
  const index = Math.floor(random.next() ** 2.2 * SURNAMES.length);
  return SURNAMES[Math.min(index, SURNAMES.length - 1)] ?? "王";
}

function givenOf(random: Random): string {
  // About a quarter of given names are one character.
  const first = random.pick(GIVEN);
  if (random.next() < 0.25) return first;
  let second = random.pick(GIVEN);
  while (second === first) second = random.pick(GIVEN);
  return first + second;
}

/** A generator of names, none repeated within one institution (so a name on screen points at one person). */
export function nameGenerator(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = surnameOf(random) + givenOf(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

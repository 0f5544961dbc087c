"""Person names among the words the reading aid glosses by their parts.

jieba's HMM finds names no dictionary has (陈勇森, 王守荣); glossed by their parts they read
"Chen surname + brave + forest", which misleads a learner. A word is taken for a person's
name here when every dictionary lacks it (CC-CEDICT, the user dictionary and jieba's own,
so the HMM found it) and it has a name's shape:

- a common surname and a given name of one or two characters (2-3 characters), or a
  compound surname (欧阳, 司马: CC-CEDICT's "surname …" entries) and one or two more;
- two characters only with a surname that rarely begins anything else (陈, 刘, 聂: 陈亮,
  刘多), since 康养, 全是, 万说 come out of the HMM as often as names do;
- no character of the given name that a name hardly ever has: numerals, function words,
  administrative units, kin terms and titles (于六国, 蒙在致 are cuts across words; 王总, 田姐
  a boss and a sister; 国 is common in names: 国强).

Measured by hand on the seeds and the bench corpus (bench/README.md, s12b-names). jieba's
part-of-speech model (``jieba.posseg``) was measured too and left out: among the HMM words
it tags ``nr`` in context, 12 of 39 are no names (康养, 普惠, 永葆), on dictionary words it
repeats jieba's tags (严格遵守 ``nr``), and it costs ~1 s of CPU a build to load plus ~11 µs
a character to tag.
"""
from __future__ import annotations

from collections.abc import Callable

#: Common surnames (about the 200 commonest), for names of three characters.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")

#: Surnames that rarely begin a word of another kind: enough for a name of two characters.
DISTINCT_SURNAMES = frozenset(
    "王李张刘陈杨吴徐郭郑赵孙胡谢韩冯邓曹彭曾肖蒋蔡杜魏吕姚卢崔谭汪廖贾邹孟熊秦邱薛闫郝龚邵覃倪庄聂"
    "詹祁裴霍翁骆靳鲍岑瞿臧邝栾")

#: Surnames whose reading as a surname CC-CEDICT's kept readings do not mark (its compiled
#: entries keep three readings; 解's Xiè is the fourth).
SURNAME_READINGS = {"解": "Xiè", "缪": "Miào"}

#: Characters a given name hardly ever has: a word with one is a cut across words.
NOT_IN_NAMES = frozenset(
    "一二三四五六七八九十百千万亿零两的了是在和与及或为于之也而其这那个些等省市县区乡村镇州"
    "年月日说称们人者要将就都被把从对向以总姐哥叔姨婶某氏")


def is_person_name(word: str, surname_entry: Callable[[str], bool], in_dictionary: Callable[[str], bool]) -> bool:
    """``word`` (a word CC-CEDICT and the user dictionary lack) looks like a person's name.
    ``surname_entry(text)``: CC-CEDICT has ``text`` as a surname (compound surnames);
    ``in_dictionary(word)``: jieba's dictionary has the word (then the HMM did not find it)."""
    n = len(word)
    if not 2 <= n <= 4:
        return False
    if n >= 3 and surname_entry(word[:2]):
        given = word[2:]
    elif n <= 3 and word[0] in (SURNAMES if n == 3 else DISTINCT_SURNAMES):
        given = word[1:]
    else:
        return False
    return not any(c in NOT_IN_NAMES for c in given) and not in_dictionary(word)

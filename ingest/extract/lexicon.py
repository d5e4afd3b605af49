"""The words that signal a release, a comparison or a hedge in zh, ja, ko, fr, de, es and ru (English lives in rules.py).

Rules: each is one alternation without nested quantifiers (linear time),
written in lower case and matched against lower-cased text (case-insensitive
matching of long alternations is several times slower);
comparison groups are named after the relation they state (beats, matches,
trails); hedges and negations make a statement no fact ("将发布", "soll
erscheinen", "no supera").
"""
from __future__ import annotations

import re

RELEASE = re.compile(
    r"发布|發布|發佈|推出|上线|上線|開源|开源|亮相|発表|公開|リリース|提供開始|출시|공개|발표|선보"
    r"|(?:dévoil[ée]e?s?|dévoile|lanc[ée]e?s?|lance|annonc[ée]e?s?|annonce|présent[ée]e?s?|présente|sorti|sorties?\s+d[e']|lancement\s+d[e']|publi[ée]e?s?|publie"
    r"|veröffentlicht|veröffentlichte|vorgestellt|präsentiert|stellt\w*\s+vor|stellte\s+\w+\s+vor|gestartet|abgeliefert"
    r"|launch\s+von|lanz[óa]|lanzamiento|lanzado|present[óa]|presentado|anunci[óa]|anunciado|public[óa]|publicad[oa]s?"
    r"|liber[óa]|liberad[oa]s?"
    r"|выпустил[аи]?|представил[аи]?|анонсировал[аи]?|запустил[аи]?|релиз|вышл[аи]|вышел)\b",
    )
HEDGE = re.compile(
    r"将|即将|预计|计划|或将|予定|見込み|예정|계획"
    r"|(?:sera|seront|devrait|devraient|censée?s?|prévu|prochainement|soll|sollen|wird|werden|geplant|demnächst"
    r"|será|serán|se\s+espera|prevé|planea|debería|supuestamente|должн\w*|будет|будут|планирует|ожидается|собирается)\b")
NEGATION = re.compile(r"未|没有|尚未|不|ない|않|못|(?<![\w])(?:ne|pas|nicht|kein\w*|no|не|нет)\b")
COMPARISON = re.compile(
    r"(?P<beats>보다\s?(?:높|앞|우수|뛰어)|より(?:も)?(?:高|優れ)|超越|超过|反超|高于|高於|超過|优于|優於|击败|胜过|领先|領先|碾压|略胜|上回|を超え|を抜(?:いて|き|いた)|凌駕|능가|앞서|앞섰|넘어섰|넘었|넘어|제쳤|눌렀|압도"
    r"|(?:surpasse\w*|dépasse\w*|devance\w*|bat|battu|übertrifft|übertraf|übertroffen|schlägt|schlug|überholt\w*|höher\s+als|besser\s+als|plus\s+élevée?s?\s+que|mejor\s+que|más\s+alto\s+que"
    r"|supera\w*|superando|super[óo]|superaron|por\s+encima\s+de|(?:lässt|ließ)(?=\s[^;:!?]{1,80}?\shinter\s+sich\b)|превосходит|превосходя|превзош\w*|обогнал\w*|обходит|обошл\w*|опережа\w*)\b)"
    r"|(?P<matches>媲美|对标|對標|相当|相當|持平|比肩|匹敌|匹敵|同等|並(?:ぶ|び|ん)|필적|비슷|대등"
    r"|(?:égal\w*|comparables?\s+à|au\s+niveau\s+de|rivalis\w*|à\s+la\s+hauteur\s+de|gleichauf|vergleichbar|ebenbürtig"
    r"|auf\s+Augenhöhe|iguala\w*|igual[óo]|igualaron|empat[óo]|equipara\w*|empata\w*|empatan|paridad\s+con|parité\s+avec|comparable\s+a|a\s+la\s+par\s+de|empatad\w*|на\s+уровне|сопоставим\w*|наравне)\b)"
    r"|(?P<trails>보다\s?낮|より(?:も)?低|(?:à\s+un\s+pas\s+de|juste\s+derrière)\b|落后|略低于|低于|逊于|下回|及ばない|뒤처|뒤졌|못\s?미치"
    r"|(?:en\s+retrait|derrière|inférieure?s?\s+à|hinter\w*(?!\s+sich\b)|unterlegen|por\s+debajo\s+de|detrás\s+de|justo\s+detrás|уступает|уступая|уступил\w*"
    r"|отста\w*)\b)")


def word_start(text: str, start: int) -> bool:
    """A Latin or Cyrillic word must start at a word boundary ("bat" is not inside "combat"); CJK words need none."""
    return start == 0 or not text[start].isalpha() or ord(text[start]) >= 0x3000 or not text[start - 1].isalnum()


def finditer(pattern, text: str):
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # a rare character whose lower case is longer: offsets must stay the same
    return (m for m in pattern.finditer(lowered) if word_start(text, m.start()))


def search(pattern, text: str):
    return next(finditer(pattern, text), None)

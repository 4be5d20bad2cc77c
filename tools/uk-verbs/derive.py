#!/usr/bin/env python3
"""Derive a table of Ukrainian verb word forms and their tense from hunspell-uk.

Usage:
    python3 derive.py UK_UA.AFF UK_UA.DIC OUT.txt

Example (Debian's hunspell-uk package, see README.md next to this script):
    python3 tools/uk-verbs/derive.py /usr/share/hunspell/uk_UA.aff \\
        /usr/share/hunspell/uk_UA.dic rules/lang/uk/verb-forms.txt

Python 3.8+, standard library only.  The output is deterministic: the same
.aff/.dic always give a byte-identical file.

Output format
-------------
One line per word form, ``word<TAB>codes``, sorted by the word's UTF-8 bytes.
The word is lower-case with the apostrophes "’" (U+2019) and "ʼ" (U+02BC)
normalised to "'".  ``codes`` is one or more of these letters, sorted and
concatenated when a form has several readings (homonyms), e.g. ``FR``:

    P  past                     (робив, робила, ніс, йшов, вчився, ...)
    R  present                  (роблю, робить, читаються, ...)
    F  future: perfective non-past (зроблю, прийде), the synthetic
       future (робитиму, робитимуть) and the auxiliary буду/будеш/...
    I  infinitive               (робити, вчитися, вчитись)
    M  imperative               (роби, робімо, робіть, дай, ляж)
    A  adverbial participle     (роблячи, зробивши, нісши)
    N  impersonal -но/-то form  (зроблено, підписано, бито)

Forms containing spaces, digits or hyphens are skipped.

How the dictionary encodes verbs
--------------------------------
uk_UA.aff uses single-character flags (no FLAG line), suffixes only (no PFX,
no COMPLEXPREFIXES), and no continuation classes, so every word form is the
headword or the headword with exactly one SFX rule applied.  A verb headword
is an infinitive in -ти/-тися carrying one of the *paradigm* flags

    X Y Z ] ^    personal forms, past, -вши participle, some imperatives

plus zero or more *single-slot* flags, each producing one grammatical slot:

    y            synthetic future -тиму/-тимеш/.../-тимуться  -> F
    t P )        adverbial participle -учи/-ючи/-ачи/-ячи(сь)  -> A
    L J ? 7      imperative                                     -> M
    N ' k = M    impersonal -но/-то                             -> N

The affix rules carry no morphological tags, so forms produced by the
paradigm flags are labelled by the ending the rule produces (after removing
the reflexive -ся/-сь), checked against the other forms of the same verb where
the ending alone is ambiguous: a form in -ли is past only if the same verb
also has the matching -ла form (otherwise it is an imperative like «коли»);
a form in -ши is an adverbial participle only if the same verb has the
matching masculine past (йшов -> йшовши, ніс -> нісши), otherwise it is an
imperative («пиши»).  The athematic verbs (дати, їсти, -вісти and their
prefixed forms; recognised by their 3rd-person singular in -сть) get their
own endings (дам/даси/дасть/дамо/дасте/дадуть).

Aspect: the synthetic future (flag ``y``) exists only for imperfective
verbs, so a non-past personal form of a verb WITH ``y`` is labelled present
(R) and one of a verb WITHOUT ``y`` is labelled future (F).

Verbs without flags.  About 1,200 verbs (impersonal ones such as «вечоріти»,
«хотітися», and irregular ones such as «бути», «могти») are listed in the .dic
without flags, each of their forms as a separate bare word.  For those the
script generates candidate forms by applying every paradigm and single-slot
rule whose condition matches the infinitive and keeps a candidate only if it
is itself listed as a bare word in the .dic.  Such a verb counts as
imperfective if one of its synthetic-future forms (-тиме, -тимуть, -тиметься,
...) is listed.  The present-tense forms of «бути» («є», «єсть») are not
produced by any rule and are added explicitly (see EXTRA_FORMS), as are the
auxiliary-future forms буду/будеш/... which are labelled F regardless of the
aspect test.
"""

import re
import sys
from collections import defaultdict

# Flag roles (see the module docstring).
PARADIGM_FLAGS = "XYZ]^"
SLOT_FLAGS = {
    "y": "F",
    "t": "A", "P": "A", ")": "A",
    "L": "M", "J": "M", "?": "M", "7": "M",
    "N": "N", "'": "N", "k": "N", "=": "N", "M": "N",
}
IMPERFECTIVE_FLAG = "y"

# Forms no affix rule produces.  Written by hand from standard Ukrainian
# grammar; each is added only if the .dic lists the word.
EXTRA_FORMS = {
    "є": "R",        # бути, present (all persons)
    "єсть": "R",     # бути, present (archaic/emphatic)
    "суть": "R",     # бути, present 3pl (archaic)
}
# The auxiliary future of бути is future tense whatever the aspect test says.
FORCE_FUTURE = {"буду", "будеш", "буде", "будемо", "будем", "будете", "будуть"}

APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
VOWELS = set("аеєиіїоуюя")


def parse_aff(path):
    """Return {flag: [(strip, add, condition_regex_or_None)]} for SFX rules."""
    rules = defaultdict(list)
    seen_header = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                continue
            key = parts[0]
            if key == "FLAG":
                raise SystemExit("unsupported: FLAG %s (script expects single-character flags)"
                                 % parts[1])
            if key in ("PFX", "COMPLEXPREFIXES", "AF", "AM", "NEEDAFFIX",
                       "CIRCUMFIX", "ONLYINCOMPOUND"):
                raise SystemExit("unsupported .aff directive: %s" % key)
            if key != "SFX":
                continue
            flag = parts[1]
            if flag not in seen_header:
                # Header line: SFX flag cross_product count
                seen_header.add(flag)
                continue
            strip, add, cond = parts[2], parts[3], parts[4] if len(parts) > 4 else "."
            if "/" in add:
                raise SystemExit("unsupported: continuation class in %r" % line)
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            regex = None if cond == "." else re.compile("(?:%s)$" % cond)
            rules[flag].append((strip, add, regex))
    return rules


def parse_dic(path):
    """Return a list of (word, flags) in file order."""
    out = []
    with open(path, encoding="utf-8") as fh:
        first = True
        for line in fh:
            line = line.rstrip("\n")
            if first:
                first = False
                if line.strip().isdigit():
                    continue
            if not line:
                continue
            word, _, flags = line.partition("/")
            out.append((word, flags))
    return out


def apply_flag(rules, word, flag):
    """Yield the forms one flag produces from a headword."""
    for strip, add, cond in rules.get(flag, ()):
        if word.endswith(strip) and (cond is None or cond.search(word)):
            yield word[:len(word) - len(strip)] + add


def split_refl(lemma, form):
    """Return (core, lemma_core): the form and the infinitive without -ся/-сь."""
    if lemma.endswith("ся"):
        core = form[:-2] if form.endswith(("ся", "сь")) else form
        return core, lemma[:-2]
    return form, lemma


def is_athematic(lcore, cores):
    # дати -> дасть, їсти -> їсть, відповісти -> відповість
    return (lcore[:-2] + "сть" in cores) or (lcore.endswith("сти") and lcore[:-3] + "сть" in cores)


NONPAST_ENDINGS = (
    "еш", "єш", "иш", "їш",                 # 2sg
    "еть", "єть", "ить", "їть",             # 3sg (-еть/-єть only before -ся)
    "уть", "ють", "ать", "ять",             # 3pl
    "емо", "ємо", "имо", "їмо",             # 1pl
    "ем", "єм", "им", "їм",                 # 1pl, short
    "ете", "єте", "ите", "їте",             # 2pl
)
IMPERATIVE_ENDINGS = ("імо", "ім", "іть", "ймо", "йте", "ьмо", "ьте", "й", "ь")
CONSONANTS = set("бвгґджзклмнпрстфхцчшщ")


def classify_paradigm(lemma, form, cores, athematic):
    """Label one form produced by a paradigm flag (X Y Z ] ^).

    Returns 'I', 'P', 'A', 'M', 'N', 'NP' (non-past personal form, resolved to
    R/F by aspect later) or None if the ending is not recognised.
    """
    core, lcore = split_refl(lemma, form)
    if core == lcore:
        return "I"
    if core.endswith("вши") or (core.endswith("ши") and core[:-2] in cores):
        return "A"                                   # зробивши, нісши, йшовши
    if core.endswith(("но", "то")):
        return "N"
    if athematic:
        if core.endswith(("сть", "сте", "дуть", "дять")):
            return "NP"
        if core.endswith(("м", "си")):
            return "NP"                              # дам, їм, відповім; даси
        if core.endswith("мо") and core[-3:-2] in VOWELS:
            return "NP"                              # дамо, їмо (not даймо, їжмо)
    if core.endswith(("ла", "ло")):
        return "P"
    if core.endswith("ли"):
        return "P" if core[:-1] + "а" in cores else "M"
    if core.endswith(NONPAST_ENDINGS):
        return "NP"
    if core.endswith(IMPERATIVE_ENDINGS):
        return "M"
    if core.endswith(("мо", "те")) and core[:-2] in cores and core[-3:-2] in CONSONANTS:
        return "M"                                   # висипмо, їжте (висип, їж)
    if core.endswith(("у", "ю", "е", "є")):
        return "NP"                                  # 1sg, 3sg
    if core.endswith("и"):
        return "M"
    if core[-1:] in CONSONANTS:
        # A bare consonant-final form is the imperative singular when the
        # same verb has the matching plural (висип / висипте, ляж / ляжте),
        # otherwise the masculine past (робив, ніс, міг, тер, влип).
        if core + "те" in cores or core + "мо" in cores:
            return "M"
        return "P"
    return None


def resolve_nonpast(form, imperfective):
    if form in FORCE_FUTURE:
        return "F"
    return "R" if imperfective else "F"


def derive(aff_path, dic_path):
    rules = parse_aff(aff_path)
    entries = parse_dic(dic_path)
    bare = {w for w, f in entries if not f}
    table = defaultdict(set)
    unknown = []

    def label_verb(lemma, flags, keep=None):
        """Generate and label the forms of one verb.

        keep: if given, a set of words; only candidates in it are kept
        (used for verbs listed without flags).
        """
        imperfective = IMPERFECTIVE_FLAG in flags
        produced = []                                # (form, label)
        paradigm_forms = [lemma]
        for fl in flags:
            if fl in PARADIGM_FLAGS:
                paradigm_forms.extend(apply_flag(rules, lemma, fl))
        if keep is not None:
            paradigm_forms = [f for f in paradigm_forms if f == lemma or f in keep]
        cores = {split_refl(lemma, f)[0] for f in paradigm_forms}
        athematic = is_athematic(split_refl(lemma, lemma)[0], cores)
        for form in paradigm_forms:
            lab = classify_paradigm(lemma, form, cores, athematic)
            if lab is None:
                unknown.append((lemma, form))
                continue
            produced.append((form, lab))
        if keep is not None and sum(1 for _, lab in produced if lab == "P") < 2:
            return False                             # not a verb after all
        for fl in flags:
            lab = SLOT_FLAGS.get(fl)
            if lab is None:
                continue
            for form in apply_flag(rules, lemma, fl):
                if keep is not None and form not in keep:
                    continue
                produced.append((form, lab))
        for form, lab in produced:
            if lab == "NP":
                lab = resolve_nonpast(form, imperfective)
            table[form].add(lab)
        return True

    verb_lemmas = set()
    for word, flags in entries:
        if any(fl in PARADIGM_FLAGS for fl in flags):
            if not re.search("(ти|тися)$", word):
                raise SystemExit("paradigm flag on a non-infinitive: %s/%s" % (word, flags))
            verb_lemmas.add(word)
            label_verb(word, flags)

    # Verbs listed without flags: infinitives in -ти/-тися (lower-case, no
    # hyphen) that are bare words and have at least one listed personal or
    # past form among the candidates.
    all_paradigm = [fl for fl in PARADIGM_FLAGS if fl in rules]
    # Imperative slot rules are left out here: their conditions overlap with
    # the personal endings of other verb classes (e.g. L: -їтися -> -їться),
    # which would mislabel the present/future forms of impersonal verbs.
    all_slots = [fl for fl in SLOT_FLAGS
                 if fl in rules and SLOT_FLAGS[fl] in "AN" and fl != IMPERFECTIVE_FLAG]
    for word in sorted(bare):
        if word in verb_lemmas or not re.fullmatch("[а-щьюяєіїґ']+(ти|тися)", word):
            continue
        fut = set(apply_flag(rules, word, IMPERFECTIVE_FLAG))
        flags = "".join(all_paradigm + all_slots)
        if fut & bare:
            flags += IMPERFECTIVE_FLAG
        cand = set()
        for fl in all_paradigm:
            cand.update(apply_flag(rules, word, fl))
        if not (cand & bare):
            continue                                 # a noun or adverb in -ти
        label_verb(word, flags, keep=bare)

    # Adverbial participles listed as bare words (несучи, йдучи, стоячи,
    # боячись, ...): no rule produces them.  Words in не- (незважаючи,
    # нехотячи) are prepositions/adverbs and are left out.
    for word in bare:
        if (re.fullmatch("[а-щьюяєіїґ']+([уюая]чи|вши)(сь|ся)?", word)
                and not word.startswith("не") and word not in table):
            table[word].add("A")

    for word, lab in EXTRA_FORMS.items():
        if word in bare:
            table[word].add(lab)
    return table, unknown


def normalise(word):
    return word.translate(APOSTROPHES).lower()


def write_table(table, out_path):
    merged = defaultdict(set)
    for form, labs in table.items():
        w = normalise(form)
        if re.search(r"[\s\d-]", w):
            continue
        merged[w] |= labs
    lines = sorted(merged.items(), key=lambda kv: kv[0].encode("utf-8"))
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        for w, labs in lines:
            fh.write("%s\t%s\n" % (w, "".join(sorted(labs))))
    return lines


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    table, unknown = derive(argv[1], argv[2])
    lines = write_table(table, argv[3])
    counts = defaultdict(int)
    for _, labs in lines:
        for lab in labs:
            counts[lab] += 1
    sys.stderr.write("%d forms written to %s\n" % (len(lines), argv[3]))
    sys.stderr.write("per code: %s\n" % " ".join("%s=%d" % kv for kv in sorted(counts.items())))
    if unknown:
        sys.stderr.write("%d forms with an unrecognised ending were skipped, e.g. %s\n"
                         % (len(unknown), ", ".join(f for _, f in unknown[:10])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

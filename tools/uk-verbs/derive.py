#!/usr/bin/env python3
"""Derive a table of Ukrainian verb word forms and their tense from hunspell-uk.

Usage:
    python3 derive.py [--full] UK_UA.AFF UK_UA.DIC OUT.txt

Example (Debian's hunspell-uk package, see README.md next to this script):
    python3 tools/uk-verbs/derive.py /usr/share/hunspell/uk_UA.aff \\
        /usr/share/hunspell/uk_UA.dic rules/lang/uk/verb-forms.txt

Python 3.6+, standard library only.  The output is deterministic: the same
.aff/.dic always give a byte-identical file.  Summary counts go to stderr.

Output format
-------------
One line per word form, ``word<TAB>codes``, sorted by the word's UTF-8 bytes.
The word is lower-case with the apostrophes "’" (U+2019) and "ʼ" (U+02BC)
normalised to "'".  ``codes`` is one or more of these letters, sorted and
concatenated when a form has several readings (homonyms), e.g. ``MP``:

    P  past                     (робив, робила, ніс, йшов, вчився, ...)
    R  present                  (роблю, робить, читаються, є, ...)
    F  future: perfective non-past (зроблю, прийде), the synthetic
       future (робитиму, робитимуть) and the auxiliary буду/будеш/...
    I  infinitive               (робити, вчитися, вчитись)
    M  imperative               (роби, робімо, робіть, дай, ляж)
    A  adverbial participle     (роблячи, зробивши, нісши)
    N  impersonal -но/-то form  (зроблено, підписано, бито)

Forms containing spaces, digits or hyphens are skipped.

Compact table (default) and the lookup it needs
-----------------------------------------------
The full table (``--full``) has about 980,000 lines (25 MB).  By default the
script writes a *compact* table (about 660,000 lines, 15.7 MB) that omits two
kinds of lines that a reader can reconstruct exactly:

1. the «-сь» twin of a form whose «-ся» twin is in the table with the same
   codes (вчилась -> вчилася, вчитись -> вчитися);
2. the synthetic future (робитиму, робитимешся, ...), when the form has no
   other reading.

A reader of the compact table must therefore look a word up like this
(``lookup`` below is the reference implementation, and the script checks that
it gives, for every form of the full table, exactly the full table's codes):

    1. the word itself;
    2. if it ends in «сь»: the same word ending in «ся» instead;
    3. if it is STEM + «ти» + one of «му меш ме мемо мем мете муть», optionally
       followed by «ся»/«сь», and STEM+«ти» (or STEM+«тися» when the word
       ends in «ся»/«сь») is in the table with code I: code F.

Rule 3 also accepts synthetic futures of perfective verbs («зробитиму»),
which are not words; that does no harm to a reader that only labels words
found in real text.

How the dictionary encodes verbs
--------------------------------
uk_UA.aff uses single-character flags (no FLAG line), suffixes only (no PFX,
no COMPLEXPREFIXES), and no continuation classes, so every word form is the
headword or the headword with exactly one SFX rule applied; the script
refuses to run on an .aff that uses any of these features.  A verb headword
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
the ending alone is ambiguous:

* -ли is past only if the verb also has the matching -ла form, otherwise it
  is an imperative («коли» from колоти);
* -ши is an adverbial participle if it ends in -вши or the verb has the
  matching masculine past (ніс -> нісши), otherwise an imperative («пиши»);
* a bare consonant-final form is an imperative if the verb also has it with
  -мо/-те added (висип / висипте, ляж / ляжте), otherwise a masculine past
  (робив, ніс, міг, тер, влип);
* the athematic verbs (дати, їсти, -вісти and their prefixed forms,
  recognised by their 3rd-person singular in -сть) have their own endings
  (дам / даси / дасть / дамо / дасте / дадуть).

Aspect: present and future share their endings, so a non-past personal form
is labelled by the aspect of its verb.  The dictionary gives the synthetic
future (flag ``y``) and the present adverbial participle -учи/-ючи (flags
``t P )``) only to imperfective verbs, so a verb with any of these flags is
taken as imperfective (non-past -> R) and any other verb as perfective
(non-past -> F).  A handful of imperfective verbs that have neither flag in
this dictionary version but whose forms coincide with very common words are
listed in IMPERFECTIVE_EXTRA (e.g. маяти, whose «має» is also the present of
мати).  Verbs of both aspects (організувати, атакувати) have ``y`` and are
labelled present.

Verbs without flags.  About 1,200 verbs (impersonal ones such as
«вечоріти», «хотітися», and irregular ones such as «бути», «могти») are
listed in the .dic without flags, each of their forms as a separate bare
word.  For those the script applies every paradigm rule, and the adverbial
and impersonal slot rules, whose condition matches the infinitive, and keeps
a candidate only if it is itself listed as a bare word; a candidate verb
needs at least two past forms so listed.  Such a verb counts as imperfective
if one of its synthetic-future or -учи/-ючи forms is listed.  Adverbial
participles listed as bare words (несучи, йдучи, стоячи) are added as A.
Hand-written additions (EXTRA_FORMS) cover what no rule produces: «є» (present
of бути) and «будучи»; the auxiliary буду/будеш/... are forced to F.
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
# Flags that only imperfective verbs carry: synthetic future, -учи/-ючи.
IMPERFECTIVE_FLAGS = "ytP)"
SYNTHETIC_FUTURE_FLAG = "y"

# Hand-written from standard Ukrainian grammar (not derived from any other
# dictionary): imperfective verbs that carry no imperfective flag in
# hunspell-uk 7.5.0 and whose non-past forms coincide with common words.
IMPERFECTIVE_EXTRA = {
    "маяти",      # має, маю, мають (= мати)
    "знавати",    # знає, знаю, знають (= знати)
    "мерзти",     # мерзне (= мерзнути)
    "струміти",   # струмить (= струмити)
}

# Hand-written forms that no affix rule produces, added whether or not the
# .dic lists them.
EXTRA_FORMS = {
    "є": "R",        # бути, present (all persons)
    "єсть": "R",     # бути, present (archaic/emphatic)
    "будучи": "A",   # бути, adverbial participle
}
# The auxiliary future of бути is future tense whatever the aspect test says.
FORCE_FUTURE = {"буду", "будеш", "буде", "будемо", "будем", "будете", "будуть"}

APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
VOWELS = set("аеєиіїоуюя")
CONSONANTS = set("бвгґджзклмнпрстфхцчшщ")
SYNTHETIC_FUTURE_ENDINGS = ("му", "меш", "ме", "мемо", "мем", "мете", "муть")
SYNTHETIC_FUTURE_RE = re.compile("^(.+ти)(%s)(ся|сь)?$" % "|".join(SYNTHETIC_FUTURE_ENDINGS))


# --------------------------------------------------------------------------
# Reading hunspell files

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
            if key == "SET" and parts[1].upper() != "UTF-8":
                raise SystemExit("unsupported: SET %s (expects UTF-8)" % parts[1])
            if key == "FLAG":
                raise SystemExit("unsupported: FLAG %s (expects single-character flags)"
                                 % parts[1])
            if key in ("PFX", "COMPLEXPREFIXES", "AF", "AM", "NEEDAFFIX",
                       "CIRCUMFIX", "ONLYINCOMPOUND", "COMPOUNDFLAG"):
                raise SystemExit("unsupported .aff directive: %s" % key)
            if key != "SFX":
                continue
            flag = parts[1]
            if flag not in seen_header:
                seen_header.add(flag)               # header: SFX flag Y count
                continue
            strip, add = parts[2], parts[3]
            cond = parts[4] if len(parts) > 4 else "."
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
        for i, line in enumerate(fh):
            line = line.rstrip("\n")
            if i == 0 and line.strip().isdigit():
                continue                            # entry count
            if not line:
                continue
            word, _, flags = line.partition("/")
            out.append((word, flags))
    return out


def apply_flag(rules, word, flag):
    """Yield the forms one flag produces from a headword, in rule order."""
    for strip, add, cond in rules.get(flag, ()):
        if word.endswith(strip) and (cond is None or cond.search(word)):
            yield word[:len(word) - len(strip)] + add


# --------------------------------------------------------------------------
# Labelling the forms of the paradigm flags

def split_refl(lemma, form):
    """Return (core, lemma_core): the form and the infinitive without -ся/-сь."""
    if lemma.endswith("ся"):
        core = form[:-2] if form.endswith(("ся", "сь")) else form
        return core, lemma[:-2]
    return form, lemma


def is_athematic(lcore, cores):
    """дати -> дасть, їсти -> їсть, відповісти -> відповість."""
    return (lcore[:-2] + "сть" in cores) or (lcore.endswith("сти") and lcore[:-3] + "сть" in cores)


NONPAST_ENDINGS = (
    "еш", "єш", "иш", "їш",                 # 2sg
    "еть", "єть", "ить", "їть",             # 3sg (-еть/-єть occur before -ся)
    "уть", "ють", "ать", "ять",             # 3pl
    "емо", "ємо", "имо", "їмо",             # 1pl
    "ем", "єм", "им", "їм",                 # 1pl, short
    "ете", "єте", "ите", "їте",             # 2pl
)
IMPERATIVE_ENDINGS = ("імо", "ім", "іть", "ймо", "йте", "ьмо", "ьте", "й", "ь")


def classify_paradigm(lemma, form, cores, athematic):
    """Label one form produced by a paradigm flag (X Y Z ] ^).

    cores: the forms of the same verb without -ся/-сь.
    Returns 'I', 'P', 'A', 'M', 'N', 'NP' (non-past personal form, resolved to
    R or F by aspect) or None if the ending is not recognised.
    """
    core, lcore = split_refl(lemma, form)
    if core == lcore:
        return "I"                                   # -тись next to -тися
    if core.endswith("вши") or (core.endswith("ши") and core[:-2] in cores):
        return "A"                                   # зробивши, нісши
    if core.endswith(("но", "то")):
        return "N"
    if athematic:
        if core.endswith(("сть", "сте", "дуть", "дять", "м", "си")):
            return "NP"                              # дасть, дасте, дам, даси
        if core.endswith("мо") and core[-3:-2] in VOWELS:
            return "NP"                              # дамо, їмо (not даймо)
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
        if core + "те" in cores or core + "мо" in cores:
            return "M"                               # висип, ляж
        return "P"                                   # робив, ніс, міг, тер
    return None


# --------------------------------------------------------------------------
# Building the table

def derive(aff_path, dic_path):
    """Return ({form: set(codes)}, [(lemma, form) with unrecognised ending])."""
    rules = parse_aff(aff_path)
    entries = parse_dic(dic_path)
    bare = {w for w, f in entries if not f}
    table = defaultdict(set)
    unknown = []

    def label_verb(lemma, flags, keep=None):
        """Generate and label the forms of one verb; return False if skipped.

        keep: if given, only candidate forms in this set are kept (verbs
        listed without flags, whose forms are bare words).
        """
        paradigm_forms = [lemma]
        for fl in flags:
            if fl in PARADIGM_FLAGS:
                paradigm_forms.extend(apply_flag(rules, lemma, fl))
        if keep is not None:
            paradigm_forms = [f for f in paradigm_forms if f == lemma or f in keep]
        cores = {split_refl(lemma, f)[0] for f in paradigm_forms}
        athematic = is_athematic(split_refl(lemma, lemma)[0], cores)
        produced = []                                # (form, label)
        for form in paradigm_forms:
            lab = classify_paradigm(lemma, form, cores, athematic)
            if lab is None:
                unknown.append((lemma, form))
            else:
                produced.append((form, lab))
        if keep is not None and sum(1 for _, lab in produced if lab == "P") < 2:
            return False                             # not a verb after all
        imperfective = lemma in IMPERFECTIVE_EXTRA or (
            keep is None and any(fl in IMPERFECTIVE_FLAGS for fl in flags))
        for fl in flags:
            lab = SLOT_FLAGS.get(fl)
            if lab is None:
                continue
            for form in apply_flag(rules, lemma, fl):
                if keep is not None and form not in keep:
                    continue
                produced.append((form, lab))
                if keep is not None and fl in IMPERFECTIVE_FLAGS:
                    imperfective = True              # a listed -тиме / -учи form
        for form, lab in produced:
            if lab == "NP":
                if form in FORCE_FUTURE:
                    lab = "F"
                else:
                    lab = "R" if imperfective else "F"
            table[form].add(lab)
        return True

    flagged = set()
    for word, flags in entries:
        if any(fl in PARADIGM_FLAGS for fl in flags):
            if not re.search("(ти|тися)$", word):
                raise SystemExit("paradigm flag on a non-infinitive: %s/%s" % (word, flags))
            flagged.add(word)
            label_verb(word, flags)

    # Verbs listed without flags (see the docstring).  Imperative slot rules
    # are left out: their conditions overlap with the personal endings of
    # other verb classes (e.g. L: -їтися -> -їться) and would mislabel the
    # present/future forms of impersonal verbs.
    candidate_flags = "".join(
        [fl for fl in PARADIGM_FLAGS if fl in rules]
        + [fl for fl in sorted(SLOT_FLAGS) if fl in rules and SLOT_FLAGS[fl] in "AFN"])
    for word in sorted(bare):
        if word in flagged or not re.fullmatch("[а-щьюяєіїґ']+(ти|тися)", word):
            continue
        label_verb(word, candidate_flags, keep=bare)

    # Adverbial participles listed as bare words (несучи, йдучи, стоячи,
    # боячись): no rule produces them.  Words in не- (незважаючи, нехотячи)
    # are prepositions/adverbs and are left out.
    for word in sorted(bare):
        if (re.fullmatch("[а-щьюяєіїґ']+([уюая]чи|вши)(сь|ся)?", word)
                and not word.startswith("не") and word not in table):
            table[word].add("A")

    for word, lab in EXTRA_FORMS.items():
        table[word].add(lab)
    return table, unknown


def normalise(word):
    return word.translate(APOSTROPHES).lower()


def merge(table):
    """Normalise spelling, drop unwanted forms; return {word: 'codes'}."""
    merged = defaultdict(set)
    for form, labs in table.items():
        w = normalise(form)
        if re.search(r"[\s\d-]", w):
            continue
        merged[w] |= labs
    return {w: "".join(sorted(labs)) for w, labs in merged.items()}


# --------------------------------------------------------------------------
# Compact table

def lookup(table, word):
    """Codes of a word in a (compact or full) table, or None.

    Reference implementation of the lookup described in the docstring.
    """
    codes = table.get(word)
    if codes is not None:
        return codes
    if word.endswith("сь"):
        codes = table.get(word[:-2] + "ся")
        if codes is not None:
            return codes
    m = SYNTHETIC_FUTURE_RE.match(word)
    if m:
        infinitive = m.group(1) + ("ся" if m.group(3) else "")
        if "I" in table.get(infinitive, ""):
            return "F"
    return None


def compact(full):
    """Drop the lines `lookup` can reconstruct; verify it on every form."""
    out = {}
    for w, codes in full.items():
        if w.endswith("сь") and full.get(w[:-2] + "ся") == codes:
            continue                                 # rule 2
        out[w] = codes
    for w in list(out):
        if out[w] != "F" or not SYNTHETIC_FUTURE_RE.match(w):
            continue
        m = SYNTHETIC_FUTURE_RE.match(w)
        infinitive = m.group(1) + ("ся" if m.group(3) else "")
        if "I" in out.get(infinitive, ""):
            del out[w]                               # rule 3
    for w, codes in full.items():
        got = lookup(out, w)
        if got != codes:
            raise SystemExit("compact table check failed for %s: %s != %s" % (w, got, codes))
    return out


def write_table(table, out_path):
    lines = sorted(table.items(), key=lambda kv: kv[0].encode("utf-8"))
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        for w, codes in lines:
            fh.write("%s\t%s\n" % (w, codes))
    return lines


def main(argv):
    args = argv[1:]
    full_mode = "--full" in args
    args = [a for a in args if a != "--full"]
    if len(args) != 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    table, unknown = derive(args[0], args[1])
    full = merge(table)
    out = full if full_mode else compact(full)
    lines = write_table(out, args[2])
    counts = defaultdict(int)
    for _, codes in lines:
        for c in codes:
            counts[c] += 1
    sys.stderr.write("full table: %d forms; written (%s): %d lines to %s\n"
                     % (len(full), "full" if full_mode else "compact", len(lines), args[2]))
    sys.stderr.write("lines per code: %s\n" % " ".join("%s=%d" % kv for kv in sorted(counts.items())))
    if unknown:
        sys.stderr.write("%d forms with an unrecognised ending were skipped, e.g. %s\n"
                         % (len(unknown), ", ".join(f for _, f in unknown[:10])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

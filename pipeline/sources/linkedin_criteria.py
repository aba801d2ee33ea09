"""LinkedIn's job criteria (seniority, employment type, job function, industries) in any UI language.

The criteria list's items come in a known order; each label is also looked up in label tables for
English, German, French, Spanish, Portuguese, Italian, Dutch and Turkish, so a page is read by its
structure, not by its words. Values of seniority and employment type are normalised to one
vocabulary, the page's own text kept beside them. A label in no table keeps its raw pair and
yields a warning naming it; nothing is silently emptied.
"""

import re
import unicodedata
from typing import Any

ORDER = ("seniority", "employment_type", "job_function", "industries")
LABELS = {
    "seniority": ("seniority level", "karrierestufe", "niveau hierarchique", "nivel de antiguedad",
                  "nivel de experiencia", "nivel de experiencia", "livello di anzianita", "senioriteitsniveau",
                  "kidem duzeyi"),
    "employment_type": ("employment type", "beschaftigungsverhaltnis", "type d'emploi", "type de contrat",
                        "tipo de empleo", "tipo de emprego", "tipo di impiego", "dienstverband", "istihdam turu",
                        "calisma sekli"),
    "job_function": ("job function", "tatigkeitsbereich", "fonction", "funcion laboral", "funcao",
                     "funzione lavorativa", "functie", "is islevi"),
    "industries": ("industries", "branchen", "secteurs", "sectores", "setores", "settori", "sectoren",
                   "sektorler", "industrie"),
}
SENIORITY = {
    "internship": ("internship", "praktikum", "stage", "practicas", "estagio", "tirocinio", "staj"),
    "entry": ("entry level", "berufseinstieg", "berufseinsteiger", "einstiegslevel", "premier emploi", "debutant",
              "sin experiencia", "junior", "assistente", "livello base", "starter", "giris duzeyi",
              "giris seviyesi"),
    "associate": ("associate", "mitarbeiter", "confirme", "algo de responsabilidad", "associato", "medewerker",
                  "uzman yardimcisi", "analista"),
    "mid_senior": ("mid-senior level", "mid-senior-level", "intermediaire", "intermedio", "pleno-senior",
                   "livello medio-alto", "middenniveau", "orta-kidemli duzey", "orta-kidemli seviye"),
    "director": ("director", "direktor", "directeur", "diretor", "direttore", "directeur", "direktor"),
    "executive": ("executive", "geschaftsfuhrung", "cadre dirigeant", "ejecutivo", "executivo", "dirigente",
                  "directie", "yonetici"),
    "not_applicable": ("not applicable", "nicht zutreffend", "non applicable", "no corresponde", "nao aplicavel",
                       "non applicabile", "niet van toepassing", "uygulanamaz"),
}
EMPLOYMENT = {
    "full_time": ("full-time", "vollzeit", "temps plein", "jornada completa", "tiempo completo", "tempo integral",
                  "tempo pieno", "fulltime", "voltijd", "tam zamanli"),
    "part_time": ("part-time", "teilzeit", "temps partiel", "media jornada", "meio periodo", "parttime",
                  "deeltijd", "yari zamanli"),
    "contract": ("contract", "vertrag", "freiberuflich", "contrat", "contrato por obra", "contrato", "contratto",
                 "sozlesmeli"),
    "temporary": ("temporary", "befristet", "temporaire", "temporal", "temporario", "temporaneo", "tijdelijk",
                  "gecici"),
    "internship": ("internship", "praktikum", "stage", "practicas", "estagio", "tirocinio", "stagiair", "stajyer"),
    "volunteer": ("volunteer", "ehrenamtlich", "benevole", "voluntario", "volontariato", "vrijwilliger", "gonullu"),
    "other": ("other", "andere", "sonstiges", "autre", "otro", "outro", "altro", "anders", "diger"),
}


def fold(text: str) -> str:
    """Lower case, no accents, Turkish dotless i folded, one space: 'Kıdem düzeyi' -> 'kidem duzeyi'."""
    text = text.replace("ı", "i").replace("İ", "i").replace("’", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", text).strip()


def _lookup(table: dict[str, tuple[str, ...]], text: str) -> str | None:
    folded = fold(text)
    return next((code for code, names in table.items() if folded in names), None)


def read_criteria(pairs: list[tuple[str, str]]) -> tuple[dict[str, Any], list[str]]:
    """Label/value pairs in page order -> the criteria fields, and warnings for unknown labels or values."""
    found: dict[str, Any] = {"criteria_raw": [{"label": label, "value": value} for label, value in pairs]}
    warnings = []
    for index, (label, value) in enumerate(pairs):
        key = _lookup(LABELS, label)
        if key is None:
            key = ORDER[index] if index < len(ORDER) else None
            warnings.append(f"unknown criteria label {label!r}" +
                            (f", read as {key} by its position" if key else ", kept raw"))
        if key is None or key in found:
            continue
        if key == "seniority":
            found["seniority"], found["seniority_text"] = _lookup(SENIORITY, value), value
        elif key == "employment_type":
            found["employment_type"], found["employment_type_text"] = _lookup(EMPLOYMENT, value), value
        else:
            found[key] = value
        if key in ("seniority", "employment_type") and found[key] is None and value:
            warnings.append(f"unknown {key} value {value!r}, kept as text")
    return found, warnings

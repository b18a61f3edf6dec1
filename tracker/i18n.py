"""Interface languages: English, Spanish and French (the UN working languages we serve).

The language comes from ?lang=, then the `lang` cookie, then the browser's
Accept-Language. Data (summaries, titles) is shown as the UN published it.
"""

from flask import request
from flask_babel import Babel

from tracker import vote_words
from tracker.vocabulary import label

LANGUAGES = {"en": "English", "es": "Español", "fr": "Français"}


def select_locale() -> str:
    asked = request.args.get("lang") or request.cookies.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"


def remember_locale(response):
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        response.set_cookie("lang", asked, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=request.is_secure, httponly=True)
    return response


def init_app(app):
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", "translations")
    Babel(app, locale_selector=select_locale)
    app.after_request(remember_locale)
    app.jinja_env.globals["LANGUAGES"] = LANGUAGES
    app.jinja_env.globals["current_locale"] = select_locale
    app.jinja_env.filters["label"] = label
    # Votes in words: the resolution and State pages and the briefs say them alike.
    app.jinja_env.globals.update(vote_sentence=vote_words.vote_sentence,
                                 stance_phrase=vote_words.stance_phrase,
                                 outcome_word=vote_words.outcome_word,
                                 kind_word=vote_words.kind_word,
                                 vote_anchor=vote_words.vote_anchor)

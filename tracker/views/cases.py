"""The private case register: list, case pages, forms, history, names (EDITOR and above)."""

from flask import Blueprint

bp = Blueprint("cases", __name__, url_prefix="/cases")

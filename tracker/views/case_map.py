"""The case map: cases counted by State, year, perpetrator, attack and risk, suppressed."""

from flask import Blueprint

bp = Blueprint("case_map", __name__, url_prefix="/cases/map")

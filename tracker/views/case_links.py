"""A case's submissions to the UN, their links to communications, follow-up, export."""

from flask import Blueprint

bp = Blueprint("case_links", __name__, url_prefix="/cases")

"""Blueprints, one per area; registered in one place."""


def init_app(app):
    from tracker.views import (
        account,
        admin,
        alerts,
        briefs,
        case_links,
        case_map,
        cases,
        communications,
        dashboards,
        errors,
        health,
        helpers,
        output,
        quality,
        resolutions,
        review,
        search,
        states,
        vocabulary,
    )

    for module in (search, states, communications, resolutions, dashboards, briefs, quality,
                   review, account, admin, cases, case_links, case_map, vocabulary, health,
                   alerts):
        app.register_blueprint(module.bp)
    alerts.init_app(app)
    errors.init_app(app)
    helpers.init_app(app)
    output.init_app(app)

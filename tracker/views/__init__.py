"""Blueprints, one per area; registered in one place."""


def init_app(app):
    from tracker.views import errors, states

    app.register_blueprint(states.bp)
    errors.init_app(app)

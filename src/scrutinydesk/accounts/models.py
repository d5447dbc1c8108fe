"""No tables of its own: roles are Django groups (roles.py). The module exists so that
Django sends this app post_migrate, after which the roles are set up."""

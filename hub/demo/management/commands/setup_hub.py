"""Everything `make run` needs before serving: database, catalogues, demo content, search index, admin."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Prepare a local hub: migrate, compile catalogues, load demo content, index it, create an admin."

    def handle(self, *args, **options):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        self.step("Database", lambda: call_command("migrate", interactive=False, verbosity=0))
        self.step("Translations", lambda: call_command("compile_catalogues", verbosity=0))
        self.step("Demo content", lambda: call_command("load_demo_content"))
        self.step("Search index", lambda: call_command("rebuild_search_index"))
        username, password = self.ensure_admin()
        self.stdout.write(
            self.style.SUCCESS(
                "\nRozcestník is ready: http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)\n"
                f"  Login: {username}\n  Password: {password}\n"
                f"  Mail it sends (alerts, reminders) is written to {mail_folder()}\n"
            )
        )

    def step(self, label, action):
        self.stdout.write(self.style.MIGRATE_HEADING(f"» {label}"))
        action()

    def ensure_admin(self):
        """Create the admin once; its password is kept in var/ so every run can print it again."""
        password_file = settings.VAR_DIR / "admin-password.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if user and password_file.exists():
            return ADMIN_USERNAME, password_file.read_text().strip()
        password = secrets.token_urlsafe(12)
        if user is None:
            user = user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
        else:
            user.set_password(password)
            user.save()
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        return ADMIN_USERNAME, password


def mail_folder():
    """Where this hub's mail goes instead of an SMTP server (hub.settings.dev), or the server it uses."""
    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        return f"{settings.EMAIL_FILE_PATH}/"
    return f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT} ({settings.EMAIL_BACKEND})"

"""Every image in the hub carries alt text: Wagtail's own image `description` made required.

Wagtail (6.3+) already stores a description on its Image model and uses it as the default
alt text everywhere (`image.default_alt_text`). Making it required in the admin's image
forms (single upload, edit, and the multiple uploader, which holds the file back until the
form is complete) gives the guarantee without a custom image model, which would have to be
swapped in under every existing migration that references `wagtailimages.Image`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class AltTextRequiredImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Alternative text")
            description.help_text = _(
                "Describe what the image shows for people who cannot see it, "
                "e.g. 'Logo of CPIC Jihlava'. Required."
            )

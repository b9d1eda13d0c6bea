"""POST data for Wagtail admin forms, as the editor's browser sends it.

Wagtail renders stream fields in the browser from JSON, so their inputs are not in the HTML; these
helpers rebuild the posted fields from the unbound form and the page's block values, so tests and
bench/admin_screens.py can save a real page through the admin without hand-written form data.
"""

from django.core.exceptions import FieldDoesNotExist
from wagtail import blocks
from wagtail.fields import StreamField


def stream_form_data(block, value, prefix, data):
    """POST data for a block value as Wagtail's block widgets send it (what the editor's browser posts)."""
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = len(value)
        for index, child in enumerate(value):
            data[f"{prefix}-{index}-type"] = child.block_type
            data[f"{prefix}-{index}-id"] = child.id or ""
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = index
            stream_form_data(child.block, child.value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if hasattr(value, "bound_blocks") else value
        data[f"{prefix}-count"] = len(items)
        for index, item in enumerate(items):
            data[f"{prefix}-{index}-id"] = getattr(item, "id", "") or ""
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = index
            stream_form_data(block.child_block, getattr(item, "value", item), f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            stream_form_data(child_block, value.get(name), f"{prefix}-{name}", data)
    else:
        state = block.get_form_state(value)
        if isinstance(state, dict):  # choosers: the widget posts the chosen object's id
            state = state.get("id", "")
        elif isinstance(state, list | tuple):
            state = state[0] if state else ""
        data[prefix] = "" if state is None else state


def edit_form_data(form):
    """POST data for an unbound Wagtail page form: fields, stream fields and inline formsets."""
    data = {}
    for name in form.fields:
        try:
            model_field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        value = form[name].value()
        if isinstance(model_field, StreamField):
            stream_form_data(model_field.stream_block, getattr(form.instance, name), name, data)
        elif value is None or value is False:
            continue
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is True:
            data[name] = "on"
        else:
            # As the widget shows it: rich text as Draftail's JSON, dates in the admin's format.
            shown = form[name].field.widget.format_value(value)
            shown = shown[0] if isinstance(shown, list) else shown
            if shown is not None:
                data[name] = shown
    for formset in getattr(form, "formsets", {}).values():
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for child_form in formset.forms:
            for key, value in edit_form_data(child_form).items():
                data[f"{child_form.prefix}-{key}"] = value
    return data

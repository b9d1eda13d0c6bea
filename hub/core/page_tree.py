"""Adding published pages to the tree, shared by the demo loader and the test factories."""

PAGE_RELATIONS = ("regions", "topics", "target_groups", "helplines", "organisations")


def split_relations(fields):
    """Pop the many-to-many values out of page fields: they can only be set once the page exists."""
    return {name: fields.pop(name) for name in list(fields) if name in PAGE_RELATIONS}


def add_published_child(parent, page, relations=None):
    """Add `page` under `parent`, set its many-to-many relations and publish a first revision."""
    parent.add_child(instance=page)
    for name, objects in (relations or {}).items():
        getattr(page, name).set(objects)
    page.save_revision().publish()
    return page

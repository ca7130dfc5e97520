"""The registry of official pages (VK, OK, Telegram) and the employees responsible for them.

    from tracker.registry.service import RegistryService
    service = RegistryService(store)
    preview = service.preview_import(path)   # mapping, row errors, what would change
    service.commit_import(preview)
    service.coverage()                       # connected X of Y by district

Modules: models (records), validation (URLs, phones, emails, да/нет), reading (.csv/.xlsx
to rows), columns (Russian headers to fields), importer (the spreadsheet import: «import»
is a keyword), export, coverage, norms, obligations («сообщить в ЦУР»), history (dated
versions), service (the facade for the CLI and the UI), api (the Protocols).
"""

"""Control of orders: acts imported, orders on control, their status changes and history.

Modules: api (view records and the Protocols: ControlServiceAPI, OrderQueries), records (the one
codec of stored records, and the index's row of an order), index (OrderIndex: the in-memory read
model of a file database), sql_queries (SqlOrderQueries: the same read model in SQL on the server,
over rows built by the same code), reading (whole orders and acts from the store), history (the one writer of history
entries), commands (changes), preview (a ParseResult for review), importer (ActImporter),
service (ControlService: the facade). Built by tracker.root.compose().
"""

-- tracker on PostgreSQL, schema 1.
-- Every table keeps the whole record as `doc` (what the Store contract gives back, to the
-- letter), and PostgreSQL itself derives the typed columns that queries, constraints and
-- indexes need from it (generated columns and a trigger), so they can never disagree.

-- ISO dates as stored by the domain («2026-12-04»). The cast is marked immutable so generated
-- columns may use it: ISO input is read the same under every DateStyle.
CREATE FUNCTION tracker_iso_date(value text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS $$ SELECT value::date $$;
CREATE FUNCTION tracker_iso_timestamp(value text) RETURNS timestamp
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS $$ SELECT value::timestamp $$;

-- One row: the change counter every write bumps (desks poll it or LISTEN for it).
CREATE TABLE store_state (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    change_seq bigint NOT NULL DEFAULT 0
);
INSERT INTO store_state DEFAULT VALUES;

CREATE TABLE store_meta (
    key text PRIMARY KEY,
    value jsonb NOT NULL
);

CREATE TABLE acts (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL,
    kind text GENERATED ALWAYS AS (doc->>'kind') STORED,
    number text GENERATED ALWAYS AS (doc->>'number') STORED,
    act_date date GENERATED ALWAYS AS (tracker_iso_date(doc->>'date')) STORED,
    issuer text GENERATED ALWAYS AS (doc->>'issuer') STORED,
    act_key text GENERATED ALWAYS AS (doc->>'key') STORED
);
CREATE UNIQUE INDEX acts_key_unique ON acts (act_key) WHERE act_key IS NOT NULL;
CREATE INDEX acts_date ON acts (act_date);

CREATE TABLE executors (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL,
    name text GENERATED ALWAYS AS (doc->>'name') STORED
);
CREATE INDEX executors_name ON executors (lower(name));

CREATE TABLE orders (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL,
    act_id text GENERATED ALWAYS AS (doc->>'act_id') STORED
        REFERENCES acts (id) DEFERRABLE INITIALLY DEFERRED,
    number text GENERATED ALWAYS AS (doc->>'number') STORED,
    status text GENERATED ALWAYS AS (doc->>'status') STORED,
    due date GENERATED ALWAYS AS (tracker_iso_date(doc#>>'{deadline,due}')) STORED,
    created date GENERATED ALWAYS AS (tracker_iso_date(doc->>'created')) STORED
);
CREATE INDEX orders_act ON orders (act_id);
CREATE INDEX orders_status_due ON orders (status, due);
CREATE INDEX orders_due ON orders (due);

-- Per-executor state of every order: one row per assignment, rebuilt by a trigger from the
-- order's `assignments` so it is always the order's own.
CREATE TABLE order_executors (
    order_id text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position integer NOT NULL,
    executor_id text NOT NULL,
    role text NOT NULL,
    status text,
    reported_at date,
    done_at date,
    PRIMARY KEY (order_id, position)
);
CREATE INDEX order_executors_executor ON order_executors (executor_id, status);

CREATE FUNCTION tracker_sync_order_executors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM order_executors WHERE order_id = NEW.id;
    IF jsonb_typeof(NEW.doc->'assignments') = 'array' THEN
        INSERT INTO order_executors (order_id, position, executor_id, role, status, reported_at, done_at)
        SELECT NEW.id, item.position::integer, item.value->>'executor_id',
               coalesce(item.value->>'role', 'responsible'), item.value->>'status',
               tracker_iso_date(item.value->>'reported_at'), tracker_iso_date(item.value->>'done_at')
        FROM jsonb_array_elements(NEW.doc->'assignments') WITH ORDINALITY AS item(value, position)
        WHERE jsonb_typeof(item.value) = 'object' AND item.value->>'executor_id' IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_executors AFTER INSERT OR UPDATE OF doc ON orders
    FOR EACH ROW EXECUTE FUNCTION tracker_sync_order_executors();

CREATE TABLE history (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL,
    order_id text GENERATED ALWAYS AS (doc->>'order_id') STORED
        REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    n integer GENERATED ALWAYS AS ((doc->>'n')::integer) STORED,
    at timestamp GENERATED ALWAYS AS (tracker_iso_timestamp(doc->>'at')) STORED,
    who text GENERATED ALWAYS AS (doc->>'who') STORED,
    action text GENERATED ALWAYS AS (doc->>'action') STORED
);
CREATE INDEX history_order ON history (order_id, n);
CREATE INDEX history_at ON history (at);

-- The registry of official pages and the settings: records of their own tables.
CREATE TABLE registry_records (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE registry_versions (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE registry_obligations (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE registry_imports (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE registry_activity (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE registry_meta (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE settings (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);
CREATE TABLE drafting_log (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL
);

-- Accounts of the server's users (tracker.access): the password only as an argon2 hash.
CREATE TABLE users (
    id text PRIMARY KEY CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL,
    role text GENERATED ALWAYS AS (doc->>'role') STORED
        CHECK (role IN ('администратор', 'контролёр', 'исполнитель', 'наблюдатель')),
    executor_id text GENERATED ALWAYS AS (doc->>'executor_id') STORED,
    disabled boolean GENERATED ALWAYS AS (coalesce((doc->>'disabled')::boolean, false)) STORED,
    CHECK (role <> 'исполнитель' OR executor_id IS NOT NULL),
    CHECK (doc->>'password_hash' LIKE '$argon2%')
);

-- Tables the domain names that have no table of their own yet (kept apart by name).
CREATE TABLE other_records (
    table_name text NOT NULL CHECK (table_name <> ''),
    id text NOT NULL CHECK (id <> ''),
    rev integer NOT NULL CHECK (rev > 0),
    doc jsonb NOT NULL,
    PRIMARY KEY (table_name, id)
);

-- The look-ups the registry makes (find_by): by district, by page address, versions by record.
CREATE INDEX registry_records_district ON registry_records ((doc->'district'));
CREATE INDEX registry_versions_record ON registry_versions ((doc->'record_id'));
CREATE INDEX registry_records_vk ON registry_records ((doc->'page_vk'));
CREATE INDEX registry_records_ok ON registry_records ((doc->'page_ok'));
CREATE INDEX registry_records_telegram ON registry_records ((doc->'page_telegram'));

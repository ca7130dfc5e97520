-- tracker on PostgreSQL, schema 2: the read side of orders on the server.
-- One denormalised row per order: what the orders list, the dashboard and the discipline
-- figures read, so a desk asks for a page of rows instead of holding every order in memory.
-- The rows are written by the application (tracker.control.sql_queries, the same Python code
-- that builds the in-memory rows of the file database) inside the very transaction that
-- writes the order; `rev` is the order's revision the row was built from, so a row that
-- fell behind (an order written by a tool that does not build rows) is found and rebuilt.

-- Trigram indexes make «text contains word» searches use an index. The extension is trusted
-- (a database owner may create it); where it cannot be created the search reads the rows.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm is not available: the text search of the orders list reads the rows';
END $$;

CREATE TABLE order_rows (
    id text COLLATE "C" PRIMARY KEY
        REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    rev integer NOT NULL,                      -- orders.rev this row was built from
    act_id text NOT NULL,
    act_label text COLLATE "C" NOT NULL,       -- «Постановление № 1611-п от 30.06.2023»: sorts by number
    number text NOT NULL,
    nkey text COLLATE "C" NOT NULL,            -- the item number as a sortable key («1.10» after «1.9»)
    status text NOT NULL,
    is_open boolean NOT NULL,                  -- the status is one of the open ones (on control)
    due_ord integer NOT NULL,                  -- the due date's ordinal; after every date when none
    done_at date,
    needs_date boolean NOT NULL,               -- a relative term waiting for its event date
    permanent boolean NOT NULL,                -- «постоянно»
    recurring boolean NOT NULL,                -- control points (discipline counts each)
    executor_ids text[] NOT NULL,              -- every executor of the order (co-executors too)
    late_executors text[] NOT NULL,            -- whom an overdue order is counted against
    closed_done date[] NOT NULL,               -- the days accepted control points were accepted
    haystack text COLLATE "C" NOT NULL,        -- the folded words a text search looks in
    row jsonb NOT NULL                         -- the whole row, as a page shows it
);

CREATE INDEX order_rows_deadline ON order_rows (due_ord, nkey, id);
CREATE INDEX order_rows_urgency ON order_rows ((NOT is_open), due_ord, nkey, id);
CREATE INDEX order_rows_number ON order_rows (act_label, nkey, id);
CREATE INDEX order_rows_open_due ON order_rows (due_ord, nkey, id) WHERE is_open;
-- The dashboard counts the open orders from this index alone (an index-only scan, not the wide rows).
CREATE INDEX order_rows_open_counts ON order_rows (due_ord) INCLUDE (needs_date, late_executors, recurring) WHERE is_open;
CREATE INDEX order_rows_done ON order_rows (done_at) WHERE status = 'исполнено';
CREATE INDEX order_rows_act ON order_rows (act_id, number);
CREATE INDEX order_rows_status ON order_rows (status);
CREATE INDEX order_rows_executors ON order_rows USING gin (executor_ids);
CREATE INDEX order_rows_recurring ON order_rows (id) WHERE recurring;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX order_rows_haystack ON order_rows USING gin (haystack gin_trgm_ops);
    END IF;
END $$;

-- The look-ups an import makes: an act by a file's hash.
CREATE INDEX acts_hashes ON acts USING gin ((doc->'hashes') jsonb_path_ops);

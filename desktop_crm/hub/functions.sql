-- The hub's functions: the only way a team member's role reaches the data.
--
-- Every function runs as the hub's owner (SECURITY DEFINER) with a fixed search_path, and the
-- roles of team members may EXECUTE them and nothing else: one faulty laptop cannot write the
-- tables directly. Merges use the hub's sequence (crm.clock), never a laptop's clock.
--
-- The clock is one row bumped inside each writing transaction: the row lock is held until
-- commit, so sequence order is commit order and a puller that has read up to N never meets a
-- change numbered below N later (plain sequences commit out of order).

CREATE OR REPLACE FUNCTION crm.next_seq() RETURNS bigint
LANGUAGE sql AS $$
    UPDATE crm.clock SET seq = seq + 1 WHERE id = 1 RETURNING seq
$$;

-- Who is calling: the device must be registered to the calling role.
CREATE OR REPLACE FUNCTION crm.caller(p_device uuid) RETURNS crm.devices
LANGUAGE plpgsql AS $$
DECLARE
    d crm.devices;
BEGIN
    SELECT * INTO d FROM crm.devices WHERE id = p_device;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this laptop has not joined the hub' USING ERRCODE = 'CRMJ1';
    END IF;
    IF d.role <> session_user THEN
        RAISE EXCEPTION 'this laptop joined as %, not %', d.role, session_user
            USING ERRCODE = '42501';
    END IF;
    RETURN d;
END
$$;

-- A JSON object of field values as the hub's column types give them back (text to
-- timestamptz to text, say): values compare equal iff the typed values do. Refuses a value
-- its column cannot hold and a field the table does not have.
CREATE OR REPLACE FUNCTION crm.normalized(p_table text, p_fields jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    whole jsonb;
    k text;
BEGIN
    IF p_fields IS NULL OR jsonb_typeof(p_fields) <> 'object' THEN
        RAISE EXCEPTION 'malformed operation: fields must be an object' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('SELECT to_jsonb(jsonb_populate_record(NULL::crm.%I, $1))', p_table)
        INTO whole USING p_fields;
    FOR k IN SELECT jsonb_object_keys(p_fields) LOOP
        IF NOT whole ? k OR k IN ('id', 'sync_version', 'sync_fields', 'updated_at') THEN
            RAISE EXCEPTION 'malformed operation: % has no field %', p_table, k
                USING ERRCODE = '22023';
        END IF;
    END LOOP;
    RETURN (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
            FROM jsonb_each(whole) WHERE p_fields ? key);
END
$$;

-- Log one change; its number is the clock's next value.
CREATE OR REPLACE FUNCTION crm.log_change(
    p_op uuid, d crm.devices, p_entity text, p_row uuid, p_action text, p_fields jsonb,
    p_client_at timestamptz
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    s bigint := crm.next_seq();
BEGIN
    INSERT INTO crm.changes (seq, op_id, device_id, user_id, user_name, entity, row_id, action,
                             fields, at, client_at)
    VALUES (s, p_op, d.id, d.user_id, d.role, p_entity, p_row, p_action, p_fields,
            clock_timestamp(), p_client_at);
    RETURN s;
END
$$;

-- Record a conflict (both values kept) and log it for every laptop to pull.
-- ``p_other_seq`` is the change that made the other side's value; ``p_swap``: the pushed
-- value is the one kept (an edit that brought a deleted record back).
CREATE OR REPLACE FUNCTION crm.add_conflict(
    p_op uuid, d crm.devices, p_entity text, p_row uuid, p_field text, p_base jsonb,
    p_kept jsonb, p_offered jsonb, p_other_seq bigint, p_client_at timestamptz,
    p_swap boolean DEFAULT false
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    c crm.conflicts;
    other crm.changes;
BEGIN
    SELECT * INTO other FROM crm.changes WHERE seq = p_other_seq;
    IF p_swap THEN
        INSERT INTO crm.conflicts (id, entity, row_id, field, base, kept, offered, kept_by,
                                   kept_device, kept_at, offered_by, offered_device, offered_at)
        VALUES (gen_random_uuid(), p_entity, p_row, p_field, p_base, p_kept, p_offered,
                d.role, d.id, p_client_at, other.user_name, other.device_id,
                coalesce(other.client_at, other.at))
        RETURNING * INTO c;
    ELSE
        INSERT INTO crm.conflicts (id, entity, row_id, field, base, kept, offered, kept_by,
                                   kept_device, kept_at, offered_by, offered_device, offered_at)
        VALUES (gen_random_uuid(), p_entity, p_row, p_field, p_base, p_kept, p_offered,
                other.user_name, other.device_id, coalesce(other.client_at, other.at), d.role,
                d.id, p_client_at)
        RETURNING * INTO c;
    END IF;
    UPDATE crm.conflicts
        SET seq = crm.log_change(p_op, d, p_entity, p_row, 'conflict', to_jsonb(c), p_client_at)
        WHERE id = c.id;
END
$$;

-- Apply one row change of a laptop, field by field (see docs/TEAM_MODE.md for the rules).
CREATE OR REPLACE FUNCTION crm.apply_op(d crm.devices, op jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_table text := op->>'entity';
    v_row uuid := (op->>'id')::uuid;
    v_action text := op->>'action';
    v_base bigint := coalesce((op->>'base')::bigint, 0);
    v_op uuid := (op->>'op')::uuid;
    v_at timestamptz := (op->>'at')::timestamptz;
    v_new jsonb;
    v_old jsonb;
    cur jsonb;
    meta jsonb;
    applied jsonb := '{}'::jsonb;
    fmeta jsonb;
    k text;
    by_other boolean;
    conflicts integer := 0;
    s bigint;
    edited_since boolean;
    v_conflict uuid;
    reassert jsonb := '{}'::jsonb;
    confirm jsonb := '{}'::jsonb;
BEGIN
    IF v_row IS NULL OR v_op IS NULL OR v_action IS NULL THEN
        RAISE EXCEPTION 'malformed operation: op, id and action are required'
            USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM crm.synced_tables WHERE name = v_table) THEN
        RAISE EXCEPTION 'malformed operation: no table %', v_table USING ERRCODE = '22023';
    END IF;
    IF v_action NOT IN ('create', 'update', 'delete', 'restore', 'resolve') THEN
        RAISE EXCEPTION 'malformed operation: no action %', v_action USING ERRCODE = '22023';
    END IF;
    v_new := crm.normalized(v_table, coalesce(op->'fields', '{}'::jsonb));
    v_old := crm.normalized(v_table, coalesce(op->'old', '{}'::jsonb));
    EXECUTE format('SELECT to_jsonb(t) - ''sync_fields'' - ''sync_version'', t.sync_fields '
                   'FROM crm.%I t WHERE id = $1 FOR UPDATE', v_table)
        INTO cur, meta USING v_row;

    IF cur IS NULL THEN
        -- A new row (or one the hub never had): everything given applies.
        s := crm.log_change(v_op, d, v_table, v_row, 'create', v_new, v_at);
        SELECT coalesce(jsonb_object_agg(key, jsonb_build_array(s, d.id)), '{}'::jsonb)
            INTO meta FROM jsonb_each(v_new);
        BEGIN
            EXECUTE format('INSERT INTO crm.%I SELECT * FROM jsonb_populate_record(NULL::crm.%I, $1)',
                           v_table, v_table)
                USING v_new || jsonb_build_object('id', v_row, 'sync_version', s,
                                                  'sync_fields', meta);
        EXCEPTION WHEN unique_violation THEN
            -- Made offline on two laptops (one tag, one number): kept as a tombstone beside
            -- the live one, and shown as a possible duplicate.
            EXECUTE format('INSERT INTO crm.%I SELECT * FROM jsonb_populate_record(NULL::crm.%I, $1)',
                           v_table, v_table)
                USING v_new || jsonb_build_object('id', v_row, 'sync_version', s,
                                                  'sync_fields', meta,
                                                  'deleted_at', clock_timestamp());
            UPDATE crm.changes SET fields = fields || jsonb_build_object(
                    'deleted_at', to_jsonb(clock_timestamp()))
                WHERE seq = s;
            PERFORM crm.add_conflict(v_op, d, v_table, v_row, 'duplicate', NULL, NULL,
                                     v_new, s, v_at);
            RETURN 1;
        END;
        RETURN 0;
    END IF;

    IF v_action = 'resolve' THEN
        v_conflict := (op->>'conflict')::uuid;
        UPDATE crm.conflicts SET resolved_at = clock_timestamp(), resolved_by = d.role,
                                 resolution = v_new
            WHERE id = v_conflict AND resolved_at IS NULL
            RETURNING seq INTO s;
        IF FOUND THEN
            PERFORM crm.log_change(v_op, d, v_table, v_row, 'resolved',
                                   jsonb_build_object('id', v_conflict, 'by', d.role), v_at);
            -- The decider saw both values as they stood when the conflict was recorded: a
            -- change another laptop made after that is a new conflict, never overwritten.
            v_base := greatest(v_base, coalesce(s, v_base));
        END IF;
        -- From here on a decision is an edit made on what the conflict showed (resolved
        -- elsewhere already: an ordinary edit).
    END IF;

    -- Was any field changed since the laptop's base by someone else?
    SELECT bool_or((value->>0)::bigint > v_base AND (value->>1)::uuid <> d.id)
        INTO edited_since FROM jsonb_each(meta) WHERE key <> 'deleted_at';

    FOR k IN SELECT jsonb_object_keys(v_new) LOOP
        -- A claim's moment follows its owner (decided below), never a conflict of its own.
        CONTINUE WHEN k IN ('created_at', 'claimed_at');
        fmeta := meta->k;
        by_other := fmeta IS NOT NULL
                    AND (((fmeta->>0)::bigint > v_base AND (fmeta->>1)::uuid <> d.id)
                         OR (jsonb_array_length(fmeta) > 2 AND (fmeta->>2)::bigint > v_base
                             AND (fmeta->>3)::uuid <> d.id));
        IF k = 'deleted_at' THEN
            IF v_new->k <> 'null'::jsonb AND cur->k = 'null'::jsonb AND coalesce(edited_since, false) THEN
                -- Delete against an edit this laptop had not seen: keep the record, flag it.
                PERFORM crm.add_conflict(v_op, d, v_table, v_row, k, v_old->k, cur->k, v_new->k,
                                         (SELECT max((value->>0)::bigint) FROM jsonb_each(meta)
                                          WHERE key <> 'deleted_at'
                                            AND (value->>0)::bigint > v_base
                                            AND (value->>1)::uuid <> d.id), v_at);
                conflicts := conflicts + 1;
                CONTINUE;
            END IF;
        END IF;
        IF cur->k IS NOT DISTINCT FROM v_new->k THEN
            IF by_other THEN
                -- The same value from a laptop that had not seen it: both laptops now hold
                -- it (a second stamp), so a change either makes without seeing the other's
                -- meets it as a conflict.
                confirm := confirm || jsonb_build_object(k, true);
                reassert := reassert || jsonb_build_object(k, v_new->k);
            END IF;
            CONTINUE;
        END IF;
        -- Changed by another laptop since this one's base: a conflict even when the old value
        -- matches (another laptop may have set that same value meanwhile: ABA).
        IF NOT by_other THEN
            applied := applied || jsonb_build_object(k, v_new->k);
        ELSE
            PERFORM crm.add_conflict(v_op, d, v_table, v_row, k,
                                     CASE WHEN v_old ? k THEN v_old->k END, cur->k, v_new->k,
                                     (fmeta->>0)::bigint, v_at);
            conflicts := conflicts + 1;
        END IF;
    END LOOP;

    -- Two laptops claimed one record from the pool: the hub's first claim stands (the other
    -- user sees the owner conflict); a claim that stands brings its moment.
    IF v_new ? 'claimed_at' AND (NOT v_new ? 'owner_id' OR applied ? 'owner_id'
                                 OR cur->'owner_id' IS NOT DISTINCT FROM v_new->'owner_id')
       AND cur->'claimed_at' IS DISTINCT FROM v_new->'claimed_at' THEN
        applied := applied || jsonb_build_object('claimed_at', v_new->'claimed_at');
    ELSIF v_new ? 'claimed_at' AND cur->'claimed_at' IS DISTINCT FROM v_new->'claimed_at' THEN
        -- The claim lost: the laptop that made it takes the standing claim's moment back
        -- (logged, not written: the hub's value and who set it stay as they are).
        reassert := reassert || jsonb_build_object('claimed_at', cur->'claimed_at');
    END IF;

    -- An edit of a record someone else deleted after this laptop's base: the edit is kept
    -- and the record with it; the deletion becomes a conflict to decide.
    IF cur->>'deleted_at' IS NOT NULL AND NOT v_new ? 'deleted_at'
       AND applied <> '{}'::jsonb AND (meta->'deleted_at'->>0)::bigint > v_base
       AND (meta->'deleted_at'->>1)::uuid <> d.id THEN
        PERFORM crm.add_conflict(v_op, d, v_table, v_row, 'deleted_at', 'null'::jsonb,
                                 'null'::jsonb, cur->'deleted_at',
                                 (meta->'deleted_at'->>0)::bigint, v_at, true);
        applied := applied || jsonb_build_object('deleted_at', NULL);
        conflicts := conflicts + 1;
    END IF;

    IF applied <> '{}'::jsonb OR reassert <> '{}'::jsonb THEN
        s := crm.log_change(v_op, d, v_table, v_row, crm.action_of(applied),
                            reassert || applied, v_at);
        IF confirm <> '{}'::jsonb THEN
            FOR k IN SELECT jsonb_object_keys(confirm) LOOP
                meta := jsonb_set(meta, ARRAY[k],
                                  jsonb_build_array(meta->k->0, meta->k->1, s, d.id));
            END LOOP;
            IF applied = '{}'::jsonb THEN
                EXECUTE format('UPDATE crm.%I SET sync_fields = $1 WHERE id = $2', v_table)
                    USING meta, v_row;
            END IF;
        END IF;
        BEGIN
            PERFORM crm.write_fields(v_table, v_row, applied, meta, s, d.id);
        EXCEPTION WHEN unique_violation THEN
            -- A name, code or number another record holds now (renamed or brought back
            -- offline): nothing of the change is written; the laptop takes the hub's values
            -- back and its own stay in a duplicate conflict, so later syncs go on.
            UPDATE crm.changes SET fields = (
                    SELECT jsonb_object_agg(key, cur->key) FROM jsonb_each(reassert || applied)),
                action = crm.action_of((SELECT jsonb_object_agg(key, cur->key)
                                        FROM jsonb_each(applied)))
                WHERE seq = s;
            PERFORM crm.add_conflict(v_op, d, v_table, v_row, 'duplicate', NULL, NULL, applied,
                                     s, v_at);
            conflicts := conflicts + 1;
        END;
    END IF;
    RETURN conflicts;
END
$$;

-- What a change of these fields is: a deletion, a restore or an update.
CREATE OR REPLACE FUNCTION crm.action_of(p_fields jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN NOT p_fields ? 'deleted_at' THEN 'update'
                WHEN p_fields->'deleted_at' = 'null'::jsonb THEN 'restore'
                ELSE 'delete' END
$$;

-- Write fields of one existing row and stamp each with the change that set it.
CREATE OR REPLACE FUNCTION crm.write_fields(
    p_table text, p_row uuid, p_fields jsonb, p_meta jsonb, p_seq bigint, p_device uuid
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    cols text;
    stamped jsonb;
BEGIN
    IF p_fields = '{}'::jsonb THEN
        RETURN;
    END IF;
    SELECT string_agg(format('%I', key), ', ') INTO cols FROM jsonb_each(p_fields);
    SELECT coalesce(p_meta, '{}'::jsonb)
           || coalesce(jsonb_object_agg(key, jsonb_build_array(p_seq, p_device)), '{}'::jsonb)
        INTO stamped FROM jsonb_each(p_fields);
    EXECUTE format('UPDATE crm.%I SET (%s, updated_at, sync_version, sync_fields) = '
                   '(SELECT %s, clock_timestamp(), $3, $4 FROM jsonb_populate_record(NULL::crm.%I, $1)) '
                   'WHERE id = $2', p_table, cols, cols, p_table)
        USING p_fields, p_row, p_seq, stamped;
END
$$;

-- The version gate and where the hub stands: refuses a laptop older than the hub's schema.
-- CRMV1's DETAIL is a JSON object whose "needed" names the app version that set the hub up
-- (null if unknown): older apps read it to say what to install, so its shape never changes.
CREATE OR REPLACE FUNCTION crm.sync_hello(p_device uuid, p_schema integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    hub_schema integer := (SELECT value::integer FROM crm.meta WHERE key = 'schema');
    d crm.devices;
BEGIN
    IF p_schema < hub_schema THEN
        RAISE EXCEPTION 'update the app: this hub needs Desktop CRM with workspace schema % (this laptop has %)',
            hub_schema, p_schema USING ERRCODE = 'CRMV1',
            DETAIL = jsonb_build_object(
                'needed', (SELECT value FROM crm.meta WHERE key = 'app_version'),
                'schema', hub_schema)::text;
    END IF;
    IF p_schema > hub_schema THEN
        RAISE EXCEPTION 'the hub is older than this app (schema % < %): run "desktop-crm hub init" from this version to upgrade it',
            hub_schema, p_schema USING ERRCODE = 'CRMV2';
    END IF;
    IF p_device IS NOT NULL THEN
        d := crm.caller(p_device);
    END IF;
    RETURN jsonb_build_object(
        'epoch', (SELECT value FROM crm.meta WHERE key = 'epoch'),
        'schema', hub_schema,
        'seq', (SELECT seq FROM crm.clock WHERE id = 1),
        'devices', (SELECT count(*) FROM crm.devices),
        'rows', (SELECT seq FROM crm.clock WHERE id = 1),
        'slot', d.slot,
        'user_id', d.user_id,
        'seeded', EXISTS (SELECT 1 FROM crm.meta WHERE key = 'seeded'));
END
$$;

-- Which change the hub holds at a sequence number: a laptop checks the history it pulled is
-- still the hub's (a hub restored from an older dump has forgotten the tail).
CREATE OR REPLACE FUNCTION crm.sync_mark(p_seq bigint) RETURNS uuid
LANGUAGE sql SECURITY DEFINER SET search_path = crm, pg_temp AS $$
    SELECT op_id FROM crm.changes WHERE seq = p_seq
$$;

-- Join: register this laptop for the calling role, linked to a user record of the workspace.
-- The first device to join an empty hub is the one that seeds it (slot 0).
-- ``p_slot``: the number range a laptop had, asked back when a hub restored from an older dump
-- has forgotten the laptop (given if free).
DROP FUNCTION IF EXISTS crm.sync_register(uuid, uuid);
CREATE OR REPLACE FUNCTION crm.sync_register(p_device uuid, p_user uuid, p_slot integer DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    d crm.devices;
BEGIN
    LOCK TABLE crm.devices IN EXCLUSIVE MODE;
    SELECT * INTO d FROM crm.devices WHERE id = p_device;
    IF NOT FOUND THEN
        IF EXISTS (SELECT 1 FROM crm.devices)
           AND NOT EXISTS (SELECT 1 FROM crm.meta WHERE key = 'seeded') THEN
            RAISE EXCEPTION 'the first laptop is still uploading the workspace; join when it has finished'
                USING ERRCODE = 'CRMJ2';
        END IF;
        IF EXISTS (SELECT 1 FROM crm.devices WHERE user_id = p_user AND role <> session_user)
           AND NOT EXISTS (SELECT 1 FROM crm.devices WHERE role = session_user) THEN
            RAISE EXCEPTION 'that user record belongs to another member' USING ERRCODE = '42501';
        END IF;
        -- A second laptop of the same person is the same user of the workspace.
        INSERT INTO crm.devices (id, role, user_id, slot, joined_at)
        VALUES (p_device, session_user,
                coalesce((SELECT user_id FROM crm.devices WHERE role = session_user
                          ORDER BY slot LIMIT 1), p_user),
                CASE WHEN p_slot >= 0 AND NOT EXISTS (SELECT 1 FROM crm.devices WHERE slot = p_slot)
                     THEN p_slot
                     ELSE (SELECT coalesce(max(slot) + 1, 0) FROM crm.devices) END,
                clock_timestamp())
        RETURNING * INTO d;
    ELSIF d.role <> session_user THEN
        RAISE EXCEPTION 'this laptop joined as %, not %', d.role, session_user
            USING ERRCODE = '42501';
    END IF;
    RETURN jsonb_build_object('slot', d.slot, 'user_id', d.user_id);
END
$$;

-- Push: apply a batch of a laptop's operations in one transaction (all or nothing). An
-- operation the hub has already applied (the laptop never heard back) is acknowledged again
-- and not applied twice.
CREATE OR REPLACE FUNCTION crm.sync_push(p_device uuid, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    d crm.devices := crm.caller(p_device);
    op jsonb;
    v_op uuid;
    applied integer := 0;
    repeated integer := 0;
    conflicts integer := 0;
BEGIN
    IF p_ops IS NULL OR jsonb_typeof(p_ops) <> 'array' THEN
        RAISE EXCEPTION 'malformed push: operations must be a list' USING ERRCODE = '22023';
    END IF;
    FOR op IN SELECT value FROM jsonb_array_elements(p_ops) LOOP
        IF jsonb_typeof(op) <> 'object' THEN
            RAISE EXCEPTION 'malformed operation: %', left(op::text, 80) USING ERRCODE = '22023';
        END IF;
        v_op := (op->>'op')::uuid;
        INSERT INTO crm.applied (op_id, operation_id, device_id, at)
        VALUES (v_op, (op->>'operation')::uuid, d.id, clock_timestamp())
        ON CONFLICT (op_id) DO NOTHING;
        IF NOT FOUND THEN
            repeated := repeated + 1;
            CONTINUE;
        END IF;
        conflicts := conflicts + crm.apply_op(d, op);
        applied := applied + 1;
    END LOOP;
    RETURN jsonb_build_object('applied', applied, 'repeated', repeated, 'conflicts', conflicts,
                              'seq', (SELECT seq FROM crm.clock WHERE id = 1));
END
$$;

-- Seed an empty hub: the first laptop's rows of one table, set-based (tens of thousands per
-- call). Only the seeding device (slot 0) may, and only rows the hub does not hold yet.
CREATE OR REPLACE FUNCTION crm.sync_seed(p_device uuid, p_page uuid, p_table text, p_rows jsonb)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    d crm.devices := crm.caller(p_device);
    n integer;
    first bigint;
BEGIN
    IF d.slot <> 0 OR EXISTS (SELECT 1 FROM crm.meta WHERE key = 'seeded') THEN
        RAISE EXCEPTION 'only the first laptop uploads whole tables, before others join'
            USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM crm.synced_tables WHERE name = p_table) THEN
        RAISE EXCEPTION 'malformed upload: no table %', p_table USING ERRCODE = '22023';
    END IF;
    INSERT INTO crm.applied (op_id, operation_id, device_id, at)
    VALUES (p_page, NULL, d.id, clock_timestamp()) ON CONFLICT (op_id) DO NOTHING;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('applied', 0, 'repeated', 1);
    END IF;
    n := jsonb_array_length(p_rows);
    UPDATE crm.clock SET seq = seq + n WHERE id = 1 RETURNING seq - n INTO first;
    EXECUTE format(
        'INSERT INTO crm.%I SELECT x.* FROM jsonb_array_elements($1) WITH ORDINALITY AS r(v, i), '
        'jsonb_populate_record(NULL::crm.%I, r.v || jsonb_build_object(''sync_version'', $2 + r.i, '
        '''sync_fields'', (SELECT jsonb_object_agg(key, jsonb_build_array($2 + r.i, $3)) '
        'FROM jsonb_each(r.v) WHERE key <> ''id''))) x', p_table, p_table)
        USING p_rows, first, d.id;
    EXECUTE format(
        'INSERT INTO crm.changes (seq, op_id, device_id, user_id, user_name, entity, row_id, '
        'action, fields, at, client_at) '
        'SELECT $2 + r.i, $4, $3, $5, $6, %L, (r.v->>''id'')::uuid, ''create'', '
        'jsonb_strip_nulls(to_jsonb(x) - ''id'' - ''sync_version'' - ''sync_fields''), '
        'clock_timestamp(), NULL '
        'FROM jsonb_array_elements($1) WITH ORDINALITY AS r(v, i), '
        'jsonb_populate_record(NULL::crm.%I, r.v) x', p_table, p_table)
        USING p_rows, first, d.id, p_page, d.user_id, d.role;
    RETURN jsonb_build_object('applied', n, 'repeated', 0,
                              'seq', (SELECT seq FROM crm.clock WHERE id = 1));
END
$$;

-- Pull: the changes after a sequence number, in commit order.
CREATE OR REPLACE FUNCTION crm.sync_pull(p_device uuid, p_after bigint, p_limit integer)
RETURNS TABLE (seq bigint, op_id uuid, device_id uuid, user_id uuid, user_name text,
               entity text, row_id uuid, action text, fields jsonb, at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp SET TimeZone = 'UTC' AS $$
BEGIN
    PERFORM crm.caller(p_device);
    RETURN QUERY
        SELECT c.seq, c.op_id, c.device_id, c.user_id, c.user_name, c.entity, c.row_id,
               c.action, c.fields, c.at
        FROM crm.changes c WHERE c.seq > p_after ORDER BY c.seq LIMIT least(p_limit, 5000);
END
$$;

-- Which of these operations the hub has applied (after a restore from an older dump).
CREATE OR REPLACE FUNCTION crm.sync_known(p_operations uuid[]) RETURNS SETOF uuid
LANGUAGE sql SECURITY DEFINER SET search_path = crm, pg_temp AS $$
    SELECT DISTINCT operation_id FROM crm.applied WHERE operation_id = ANY (p_operations)
$$;

-- The seeding laptop has uploaded everything: other laptops may join.
DROP FUNCTION IF EXISTS crm.sync_seeded(uuid);  -- returned nothing before schema 12's release
CREATE OR REPLACE FUNCTION crm.sync_seeded(p_device uuid) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crm, pg_temp AS $$
DECLARE
    d crm.devices := crm.caller(p_device);
BEGIN
    IF d.slot <> 0 THEN
        RAISE EXCEPTION 'only the laptop that seeded the hub finishes seeding' USING ERRCODE = '42501';
    END IF;
    -- Nobody else can have pushed yet (joining waits for this commit): the seed ends here.
    -- Asked again (a crash before the laptop noted it), the same number comes back.
    INSERT INTO crm.meta SELECT 'seeded', seq::text FROM crm.clock WHERE id = 1
        ON CONFLICT DO NOTHING;
    RETURN (SELECT value::bigint FROM crm.meta WHERE key = 'seeded');
END
$$;

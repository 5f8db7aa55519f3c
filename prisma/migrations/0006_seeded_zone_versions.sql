-- The demo site's layout is stored as version 1 with the action 'seed', so the zone editor can show
-- where a layout came from and roll back to it.
ALTER TABLE zone_versions DROP CONSTRAINT zone_versions_action_check;
ALTER TABLE zone_versions ADD CONSTRAINT zone_versions_action_check
    CHECK (action IN ('save', 'template', 'rollback', 'seed'));

-- Zone layouts per camera, versioned: each save, template application or rollback stores the whole
-- layout as a new version, so any version can be viewed, compared and restored. Who/what/when also
-- goes to audit_logs. And a small default library of zone templates.

CREATE TABLE zone_versions (
    camera_id  VARCHAR(50) NOT NULL,
    version    INTEGER NOT NULL,
    action     VARCHAR(20) NOT NULL CHECK (action IN ('save', 'template', 'rollback')),
    zones      JSONB NOT NULL,
    note       TEXT,
    created_by VARCHAR(50),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (camera_id, version),
    CONSTRAINT fk_zone_version_camera FOREIGN KEY (camera_id) REFERENCES cameras(camera_id) ON DELETE CASCADE
);

INSERT INTO zone_templates (name, description, template_data) VALUES
    ('2-station line', 'Two stations side by side in the lower part of the picture', '[{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Station 1","color":"#0072B2","polygon":[[0.02,0.35],[0.48,0.35],[0.48,0.98],[0.02,0.98]]},{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Station 2","color":"#E69F00","polygon":[[0.52,0.35],[0.98,0.35],[0.98,0.98],[0.52,0.98]]}]'),
    ('4-station cell', 'Four stations, one per quarter of the picture', '[{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Station 1","color":"#0072B2","polygon":[[0.02,0.02],[0.48,0.02],[0.48,0.48],[0.02,0.48]]},{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Station 2","color":"#E69F00","polygon":[[0.52,0.02],[0.98,0.02],[0.98,0.48],[0.52,0.48]]},{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Station 3","color":"#009E73","polygon":[[0.02,0.52],[0.48,0.52],[0.48,0.98],[0.02,0.98]]},{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Station 4","color":"#CC79A7","polygon":[[0.52,0.52],[0.98,0.52],[0.98,0.98],[0.52,0.98]]}]'),
    ('Assembly with inspection', 'Two assembly stations and an inspection station at the end', '[{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Assembly 1","color":"#0072B2","polygon":[[0.02,0.4],[0.32,0.4],[0.32,0.98],[0.02,0.98]]},{"zoneType":"work_area","minWorkers":1,"maxWorkers":2,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Assembly 2","color":"#E69F00","polygon":[[0.35,0.4],[0.65,0.4],[0.65,0.98],[0.35,0.98]]},{"zoneType":"inspection","minWorkers":1,"maxWorkers":1,"idleThresholdSeconds":60,"alertOnEmpty":false,"alertOnOverflow":true,"name":"Inspection","color":"#009E73","polygon":[[0.68,0.4],[0.98,0.4],[0.98,0.98],[0.68,0.98]]}]')
ON CONFLICT (name) DO NOTHING;

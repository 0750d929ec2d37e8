insert into audit_marks (finding_id, status, comment, marked_by, marked_at, version)
values (:findingId, :status, :comment, :markedBy, :markedAt, :version)

package io.mapper.orm.generated;

import java.sql.Connection;

import org.h2.api.Trigger;

/** H2's form of the revision trigger (H2 triggers are Java classes): {@code NEW.rev = OLD.rev + 1}. */
public class RevisionTrigger implements Trigger {

    /** The position of {@code rev} in the revision table's rows: id, body, rev. */
    private static final int REV = 2;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        newRow[REV] = ((Number) oldRow[REV]).intValue() + 1;
    }
}

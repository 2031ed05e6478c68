package io.mapper.benchmarks.competitors;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.HChild;
import io.mapper.benchmarks.model.HInsert;
import io.mapper.benchmarks.model.HInsertIdentity;
import io.mapper.benchmarks.model.HInsertRow;
import io.mapper.benchmarks.model.HItem;
import io.mapper.benchmarks.model.HParent;
import io.mapper.benchmarks.model.ItemRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/**
 * Hibernate ORM 7 through JPA, configured as its documentation advises for speed: JDBC batching
 * ({@code hibernate.jdbc.batch_size}, ordered inserts and updates), pooled sequence keys so that inserts batch
 * (IDENTITY on SQLite, which has no sequences: see {@link HInsert}), a fetch size, and batch fetching of collections
 * ({@code hibernate.default_batch_fetch_size}) for the SELECT_IN equivalent. Bulk inserts flush and clear the
 * persistence context every batch, as the batch-processing chapter says.
 */
public final class HibernateBench implements Competitor {

    private final Fixture fixture;
    private final HikariDataSource pool;
    private final EntityManagerFactory factory;

    public HibernateBench(Fixture fixture) {
        this.fixture = fixture;
        this.pool = fixture.database().pool("hibernate");
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("bench")
                .managedClasses(HItem.class, HInsert.class, HInsertIdentity.class, HParent.class, HChild.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, RawJdbc.BATCH)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.STATEMENT_FETCH_SIZE, 1000)
                .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 1000)
                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                .property(AvailableSettings.GENERATE_STATISTICS, false)
                .property(AvailableSettings.SHOW_SQL, false);
        if (fixture.database() == Database.SQLITE) {
            configuration.property(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        this.factory = configuration.createEntityManagerFactory();
    }

    @Override
    public String version() {
        return "Hibernate ORM " + org.hibernate.Version.getVersionString();
    }

    @Override
    public Map<WorkloadId, List<Contender>> contenders() {
        Map<WorkloadId, List<Contender>> map = new EnumMap<>(WorkloadId.class);
        map.put(WorkloadId.W1_BULK_INSERT, List.of(contender("", this::bulkInsert)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender("StatelessSession", this::statelessUpdate)));
        map.put(WorkloadId.W2_ORM_UPDATE, List.of(contender("", this::loadChangeFlush)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender("projections", this::projections),
                contender("entities", this::entities)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(contender("", this::primaryKeySelects)));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(contender("", this::singleInserts)));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender("(batch fetch)", this::batchFetch)));
        map.put(WorkloadId.W6_JOINED, List.of(contender("(join fetch)", this::joinFetch)));
        return map;
    }

    private static Contender contender(String variant, Contender.Run run) {
        return new Contender("Hibernate", variant, run);
    }

    private interface Work<T> {
        T run(EntityManager entityManager);
    }

    private <T> T inTransaction(Work<T> work) {
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.run(entityManager);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
    }

    /** A new row for {@code bench_insert}: sequence keys (batched), or IDENTITY keys on SQLite. */
    private HInsertRow newInsertRow(int i) {
        return fixture.database() == Database.SQLITE ? new HInsertIdentity(Fixture.name(i), i, Fixture.note(i))
                : new HInsert(Fixture.name(i), i, Fixture.note(i));
    }

    private long bulkInsert() {
        int n = fixture.profile().bulkRows();
        List<HInsertRow> rows = inTransaction(entityManager -> {
            List<HInsertRow> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                HInsertRow row = newInsertRow(i);
                entityManager.persist(row);
                all.add(row);
                if ((i + 1) % RawJdbc.BATCH == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            return all;
        });
        for (HInsertRow row : rows) {
            Checks.key(row.getId());
        }
        return rows.size();
    }

    private long statelessUpdate() {
        int n = fixture.profile().bulkRows();
        int generation = fixture.nextGeneration();
        SessionFactory sessions = factory.unwrap(SessionFactory.class);
        List<HItem> items = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            // A stateless update writes every column, so the rows are rebuilt with the values they hold.
            items.add(new HItem((long) id, Fixture.name(id), generation + id, id % 3 == 0 ? null : Fixture.note(id)));
        }
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.setJdbcBatchSize(RawJdbc.BATCH);
            var transaction = session.beginTransaction();
            session.updateMultiple(items);
            transaction.commit();
        }
        return n;
    }

    private long loadChangeFlush() {
        int n = fixture.profile().bulkRows();
        return inTransaction(entityManager -> {
            List<HItem> items = entityManager.createQuery("from HItem where id <= :n", HItem.class)
                    .setParameter("n", (long) n).getResultList();
            for (HItem item : items) {
                item.setAmount(item.getAmount() + 1);
            }
            return (long) items.size();
        });
    }

    private long projections() {
        return inTransaction(entityManager -> (long) entityManager.createQuery("select new "
                + ItemRecord.class.getName() + "(i.id, i.name, i.amount, i.note) from HItem i", ItemRecord.class)
                .getResultList().size());
    }

    private long entities() {
        return inTransaction(entityManager -> (long) entityManager.createQuery("from HItem", HItem.class)
                .getResultList().size());
    }

    private long primaryKeySelects() {
        long found = 0;
        for (long id : fixture.selectIds()) {
            EntityManager entityManager = factory.createEntityManager();
            try {
                HItem item = entityManager.find(HItem.class, id);
                if (item != null && item.getId() == id) {
                    found++;
                }
            } finally {
                entityManager.close();
            }
        }
        return found;
    }

    private long singleInserts() {
        int n = fixture.profile().shortOperations();
        for (int i = 0; i < n; i++) {
            HInsertRow row = newInsertRow(i);
            inTransaction(entityManager -> {
                entityManager.persist(row);
                return null;
            });
            Checks.key(row.getId());
        }
        return n;
    }

    private long batchFetch() {
        return inTransaction(entityManager -> {
            List<HParent> parents = entityManager.createQuery("from HParent", HParent.class).getResultList();
            long children = 0;
            for (HParent parent : parents) {
                for (HChild child : parent.getChildren()) {
                    children += child.getAmount() >= 0 ? 1 : 0;
                }
            }
            return Checks.parentsWithChildren(parents.size(), children);
        });
    }

    private long joinFetch() {
        return inTransaction(entityManager -> {
            List<HParent> parents = entityManager.createQuery(
                    "select p from HParent p left join fetch p.children", HParent.class).getResultList();
            long children = 0;
            for (HParent parent : parents) {
                children += parent.getChildren().size();
            }
            return Checks.parentsWithChildren(parents.size(), children);
        });
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}

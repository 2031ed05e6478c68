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

import io.mapper.benchmarks.Checks;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.FlushLoaded;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.HChild;
import io.mapper.benchmarks.model.HInsert;
import io.mapper.benchmarks.model.HInsertIdentity;
import io.mapper.benchmarks.model.HInsertKeyed;
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
                .managedClasses(HItem.class, HInsert.class, HInsertIdentity.class, HInsertKeyed.class, HParent.class,
                        HChild.class)
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
        map.put(WorkloadId.W1_BULK_INSERT, List.of(contender("", () -> bulkInsert(fixture.profile().bulkRows(),
                RawJdbc.BATCH))));
        map.put(WorkloadId.W1_KEYS_GIVEN, List.of(contender("", this::bulkInsertKeysGiven)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender("StatelessSession", this::statelessUpdate)));
        map.put(WorkloadId.W2_ORM_UPDATE, List.of(contender("", this::loadChangeFlush)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender("projections", this::projections),
                contender("entities", this::entities)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(Contender.perOperation("Hibernate", "", WorkloadId.W4_PK_SELECT,
                fixture, Operations.each(this::primaryKeySelect))));
        map.put(WorkloadId.W4B_SHORT_QUERY, List.of(Contender.perOperation("Hibernate", "",
                WorkloadId.W4B_SHORT_QUERY, fixture, Operations.holding(factory::createEntityManager,
                        this::shortQuery))));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(Contender.perOperation("Hibernate", "",
                WorkloadId.W5_SINGLE_INSERT, fixture, Operations.each(this::singleInsert))));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender("(batch fetch)", this::batchFetch)));
        map.put(WorkloadId.W6_JOINED, List.of(contender("(join fetch)", this::joinFetch)));
        for (WorkloadId workload : List.of(WorkloadId.W1_FLUSH_SMALL, WorkloadId.W1_FLUSH_MEDIUM,
                WorkloadId.W1_FLUSH_LARGE)) {
            int size = workload.scaleSize(fixture.profile());
            map.put(workload, List.of(contender("", () -> bulkInsert(size, size))));
        }
        for (WorkloadId workload : List.of(WorkloadId.FLUSH_LOADED_SMALL, WorkloadId.FLUSH_LOADED_MEDIUM,
                WorkloadId.FLUSH_LOADED_LARGE)) {
            map.put(workload, List.of(Contender.staged("Hibernate", "",
                    () -> loadedThenFlushed(workload.scaleSize(fixture.profile())))));
        }
        return map;
    }

    private static Contender contender(String variant, Contender.Run run) {
        return Contender.of("Hibernate", variant, run);
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

    /** W1 (flush and clear every {@code flushEvery} objects) and W1-flush (one flush of {@code n}). */
    private long bulkInsert(int n, int flushEvery) {
        List<HInsertRow> rows = inTransaction(entityManager -> {
            List<HInsertRow> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                HInsertRow row = newInsertRow(i);
                entityManager.persist(row);
                all.add(row);
                if ((i + 1) % flushEvery == 0) {
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

    /** W4: {@code find} in a new {@code EntityManager} (no transaction). */
    private HItem primaryKeySelect(int index) {
        EntityManager entityManager = factory.createEntityManager();
        try {
            return entityManager.find(HItem.class, fixture.selectIds()[index]);
        } finally {
            entityManager.close();
        }
    }

    /** W4b: a JPQL query created per call in one {@code EntityManager} (Hibernate caches the parsed query). */
    private HItem shortQuery(EntityManager entityManager, int index) {
        return entityManager.createQuery("from HItem where id = :id", HItem.class)
                .setParameter("id", fixture.selectIds()[index]).getSingleResult();
    }

    /** W5: persist + commit in a new {@code EntityManager}. */
    private Long singleInsert(int index) {
        HInsertRow row = newInsertRow(index);
        inTransaction(entityManager -> {
            entityManager.persist(row);
            return null;
        });
        return row.getId();
    }

    /** W1-keys-given: persist objects with assigned keys, flush and clear every batch, as W1. */
    private long bulkInsertKeysGiven() {
        int n = fixture.profile().bulkRows();
        return inTransaction(entityManager -> {
            for (int i = 0; i < n; i++) {
                entityManager.persist(new HInsertKeyed(i + 1L, Fixture.name(i), i, Fixture.note(i)));
                if ((i + 1) % RawJdbc.BATCH == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            return (long) n;
        });
    }

    /**
     * flush-loaded: an {@code EntityManager} holding the first {@code loaded} items (loaded untimed), 10 of them
     * changed; the timed part is {@code flush()}.
     */
    private Contender.Stage loadedThenFlushed(int loaded) {
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        transaction.begin();
        List<HItem> items = entityManager.createQuery("from HItem where id <= :n order by id", HItem.class)
                .setParameter("n", (long) loaded).getResultList();
        return FlushLoaded.stage(fixture, loaded, (position, amount) -> items.get(position).setAmount(amount),
                entityManager::flush, () -> {
                    transaction.commit();
                    entityManager.close();
                });
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
